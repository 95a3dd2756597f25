package dev.lbctl.it;

import static dev.lbctl.it.DataPlaneProbes.await;
import static dev.lbctl.it.DataPlaneProbes.exec;
import static dev.lbctl.it.DataPlaneProbes.lbctlIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import dev.lbctl.it.DataPlaneProbes.Exec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

/**
 * The real data plane (the dataplane tier of scripts/testenv): MetalLB v0.16.1's speaker answers ARP in each node's
 * network namespace, kube-proxy (nftables) DNATs the LoadBalancer IP to pod IPs, and a pod stand-in (the only stand-in
 * on the path) answers on each pod IP. The client is a network namespace on the same LAN: {@code lbctl verify} runs
 * there, and so does every curl and every look at the client's neighbour (ARP) table.
 */
@Tag("cluster")
@Order(50) // its own cluster: independent of the other tiers, last because it is the slowest to build cold
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DataPlaneIT {

    private static final String METALLB_NS = "metallb-system";
    private static final String POOL = "198.51.100.240-198.51.100.250";
    private static final String EXCLUDE_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";
    private static final Pattern LLADDR = Pattern.compile("lladdr ([0-9a-f:]{17})");
    private static final Pattern ETHER = Pattern.compile("link/ether ([0-9a-f:]{17})");

    private static TestEnv.DataPlane dp;
    private static KubernetesClient kube;
    private static ConfigMap userConfigMap;
    private static Service userService;

    @TempDir
    static Path dir;

    @BeforeAll
    static void dataPlane() {
        dp = TestEnv.dataPlane();
        kube = KubeFixtures.client(dp.kubeconfig());
        // The user's own objects, created before lbctl writes anything, checked after every lbctl write.
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("user-data").endMetadata().build())
                .createOr(n -> n.update());
        kube.configMaps().inNamespace("user-data").withName("keep-me").delete();
        kube.services().inNamespace("user-data").withName("user-web").delete();
        await("the user's old objects to go", Duration.ofSeconds(30), () -> kube.configMaps().inNamespace("user-data")
                .withName("keep-me").get() == null && kube.services().inNamespace("user-data").withName("user-web").get() == null
                ? Optional.of(true) : Optional.empty());
        userConfigMap = kube.configMaps().inNamespace("user-data").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("keep-me").withNamespace("user-data").endMetadata().withData(Map.of("a", "1")).build()).create();
        userService = kube.services().inNamespace("user-data").resource(new ServiceBuilder().withNewMetadata()
                .withName("user-web").withNamespace("user-data").endMetadata().withNewSpec().withType("ClusterIP")
                .addNewPort().withPort(8080).endPort().addToSelector("app", "user-web").endSpec().build()).create();
    }

    @AfterAll
    static void closeClient() {
        if (kube != null) {
            kube.close();
        }
    }

    private static void assertUserDataIntact() {
        ConfigMap cm = kube.configMaps().inNamespace("user-data").withName("keep-me").get();
        assertThat(cm.getMetadata().getResourceVersion()).isEqualTo(userConfigMap.getMetadata().getResourceVersion());
        assertThat(cm.getData()).isEqualTo(Map.of("a", "1"));
        Service svc = kube.services().inNamespace("user-data").withName("user-web").get();
        assertThat(svc.getMetadata().getResourceVersion()).isEqualTo(userService.getMetadata().getResourceVersion());
    }

    /** The article's last step for real: verify from a client on the LAN, the HTTP answer through ARP and kube-proxy. */
    @Test
    @Order(1)
    void installThenVerifyFromTheClientNamespaceThroughArpAndKubeProxy() {
        CliRun install = CliRun.lbctlOn(dp.kubeconfig(), "install", "--pool", POOL, "--manifests", TestEnv.manifests(),
                "--timeout", "5m");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertUserDataIntact();

        Exec verify = lbctlIn(dp.clientNetns(), dp.kubeconfig(), "verify", "-o", "json", "--timeout", "3m");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        Map<String, Object> report = new Yaml().load(verify.out());
        assertThat(report.get("passed")).as(verify.toString()).isEqualTo(true);
        assertThat(String.valueOf(report.get("ip"))).startsWith("198.51.100.");
        Map<String, String> checks = new java.util.LinkedHashMap<>();
        for (Object c : (List<?>) report.get("checks")) {
            Map<?, ?> m = (Map<?, ?>) c;
            checks.put(String.valueOf(m.get("name")), m.get("result") + ": " + m.get("message"));
        }
        assertThat(checks.get("HTTP GET returns the nginx welcome page")).as(verify.toString()).startsWith("passed");
        assertThat(checks.get("the answering node is MetalLB's")).as(verify.toString())
                .startsWith("passed").contains("answered, as MetalLB says (nodeAssigned event: lbctl-dp-")
                .contains("ServiceL2Status: lbctl-dp-");
        System.out.println("verify in " + dp.clientNetns() + ": " + checks.get("the answering node is MetalLB's"));
        assertUserDataIntact();

        // From the root namespace the node cannot be seen unless this machine shares the LAN: it does here (the
        // apiserver's leg), so the same check still names the node; what matters is that it never fails.
    }

    /** A dead speaker (SIGKILL: memberlist has to notice) hands the IP to another node; the client's ARP entry moves. */
    @Test
    @Order(2)
    void killingTheAnnouncingSpeakerMovesTheIpToAnotherNode() throws Exception {
        String ip = deployWeb("dp-failover", 3, "Cluster", Optional.empty(), Map.of());
        String before = announcer("dp-failover", "web", Optional.empty());
        awaitClientMacOf(ip, before);

        CliRun status = CliRun.lbctlOn(dp.kubeconfig(), "status", "-o", "json");
        assertThat(status.out()).as(status.toString()).contains("\"node\": \"" + before + "\"");

        Prober prober = Prober.start(dp.clientNetns(), ip, dir.resolve("kill.log"));
        Instant cut = Instant.now();
        try {
            TestEnv.testenv("speaker", before, "kill");
            Failover f = awaitFailover("dp-failover", ip, before, cut);
            Thread.sleep(2000); // requests through the new node count too
            prober.stop();
            String outage = prober.outageAfter(cut);
            System.out.printf("failover (speaker of %s killed with SIGKILL): %s announces after %.1f s, client ARP entry"
                    + " moved after %.1f s; HTTP outage %s%n", before, f.node, f.announcedAfter, f.arpMovedAfter, outage);
            assertThat(curlNode(ip)).isPresent();
        } finally {
            prober.stop();
            TestEnv.testenv("speaker", before, "start");
        }
        awaitSpeakerRunning(before);
    }

    /** The exclude-from-external-load-balancers label takes a node out of the election at once. */
    @Test
    @Order(3)
    void excludingTheAnnouncingNodeMovesTheIpToAnotherNode() throws Exception {
        String ip = deployWeb("dp-exclude", 3, "Cluster", Optional.empty(), Map.of());
        String before = announcer("dp-exclude", "web", Optional.empty());
        awaitClientMacOf(ip, before);
        Prober prober = Prober.start(dp.clientNetns(), ip, dir.resolve("exclude.log"));
        Instant cut = Instant.now();
        try {
            kube.nodes().withName(before).edit(n -> {
                n.getMetadata().getLabels().put(EXCLUDE_LABEL, "true");
                return n;
            });
            Failover f = awaitFailover("dp-exclude", ip, before, cut);
            Thread.sleep(2000); // requests through the new node count too
            prober.stop();
            System.out.printf("failover (%s labelled %s): %s announces after %.1f s, client ARP entry moved after %.1f s;"
                    + " HTTP outage %s%n", before, EXCLUDE_LABEL, f.node, f.announcedAfter, f.arpMovedAfter, prober.outageAfter(cut));
            assertThat(curlNode(ip)).isPresent();
        } finally {
            prober.stop();
            kube.nodes().withName(before).edit(n -> {
                n.getMetadata().getLabels().remove(EXCLUDE_LABEL);
                return n;
            });
        }
    }

    /** externalTrafficPolicy Local: only the node with the ready endpoint may announce, and it answers itself. */
    @Test
    @Order(4)
    void externalTrafficPolicyLocalIsAnnouncedByTheEndpointsNodeOnly() {
        for (String node : List.of("lbctl-dp-1", "lbctl-dp-3")) {
            String ns = "dp-local-" + node.substring(node.length() - 1);
            String ip = deployWeb(ns, 1, "Local", Optional.of(node), Map.of());
            assertThat(announcer(ns, "web", Optional.of(node))).isEqualTo(node);
            awaitClientMacOf(ip, node);
            assertThat(await("an answer from the pod on " + node, Duration.ofSeconds(30), () -> curlNode(ip)))
                    .isEqualTo(node);
            assertThat(arpResponders(ip)).as("MACs answering ARP for " + ip).containsExactly(nodeMac(node));
            kube.namespaces().withName(ns).delete();
        }
    }

    /** L2Advertisement nodeSelectors and interfaces: only the selected node answers, on the selected interface. */
    @Test
    @Order(5)
    void nodeSelectorsAndInterfacesDecideWhoAnswers() {
        pool("dp-selected", "198.51.100.230-198.51.100.231");
        l2Advertisement("dp-selected", "lbctl-dp-2", List.of("eth0"));
        String ip = deployWeb("dp-selected", 2, "Cluster", Optional.empty(), Map.of("metallb.io/address-pool", "dp-selected"));
        assertThat(ip).startsWith("198.51.100.23");
        assertThat(announcer("dp-selected", "web", Optional.of("lbctl-dp-2"))).isEqualTo("lbctl-dp-2");
        awaitClientMacOf(ip, "lbctl-dp-2");
        assertThat(arpResponders(ip)).containsExactly(nodeMac("lbctl-dp-2"));
        CliRun status = CliRun.lbctlOn(dp.kubeconfig(), "status");
        assertThat(status.out()).as(status.toString()).containsPattern("dp-selected +web +" + Pattern.quote(ip)
                + " +dp-selected +lbctl-dp-2 \\(eth0\\) +assigned");

        // An interface no node has: MetalLB allocates the IP, but no speaker answers for it.
        pool("dp-nowhere", "198.51.100.235-198.51.100.236");
        l2Advertisement("dp-nowhere", "lbctl-dp-2", List.of("eth9"));
        String lost = deployWeb("dp-nowhere", 1, "Cluster", Optional.empty(), Map.of("metallb.io/address-pool", "dp-nowhere"));
        await("MetalLB's announceFailed event", Duration.ofSeconds(60), () -> kube.v1().events().inNamespace("dp-nowhere").list()
                .getItems().stream().filter(e -> "announceFailed".equals(e.getReason())).findFirst());
        assertThat(arpResponders(lost)).as("MACs answering ARP for " + lost).isEmpty();
        assertUserDataIntact();
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers

    private record Failover(String node, double announcedAfter, double arpMovedAfter) {
    }

    private static Failover awaitFailover(String ns, String ip, String before, Instant cut) {
        String after = await("another node to announce " + ip, Duration.ofSeconds(60),
                () -> l2Node(ns, "web").filter(n -> !n.equals(before)));
        double announced = Duration.between(cut, Instant.now()).toMillis() / 1000.0;
        String mac = nodeMac(after);
        await("the client's ARP entry for " + ip + " to move to " + after + " (" + mac + ")", Duration.ofSeconds(30),
                () -> clientMac(ip).filter(mac::equals));
        double moved = Duration.between(cut, Instant.now()).toMillis() / 1000.0;
        return new Failover(after, announced, moved);
    }

    private static String deployWeb(String ns, int replicas, String policy, Optional<String> node, Map<String, String> annotations) {
        return DataPlaneProbes.deployWeb(kube, ns, replicas, policy, node, annotations);
    }

    private static void pool(String name, String range) {
        kube.genericKubernetesResources("metallb.io/v1beta1", "IPAddressPool").inNamespace(METALLB_NS)
                .resource(DataPlaneProbes.metallbResource("IPAddressPool", name, Map.of("addresses", List.of(range), "autoAssign", false)))
                .createOr(r -> r.update());
    }

    private static void l2Advertisement(String pool, String node, List<String> interfaces) {
        kube.genericKubernetesResources("metallb.io/v1beta1", "L2Advertisement").inNamespace(METALLB_NS)
                .resource(DataPlaneProbes.metallbResource("L2Advertisement", pool, Map.of("ipAddressPools", List.of(pool), "interfaces", interfaces,
                        "nodeSelectors", List.of(Map.of("matchLabels", Map.of("kubernetes.io/hostname", node))))))
                .createOr(r -> r.update());
    }

    private static Optional<String> l2Node(String ns, String service) {
        return DataPlaneProbes.l2Node(kube, ns, service);
    }

    private static String announcer(String ns, String service, Optional<String> expected) {
        return await("ServiceL2Status of " + ns + "/" + service + expected.map(n -> " naming " + n).orElse(""),
                Duration.ofSeconds(60), () -> l2Node(ns, service).filter(n -> expected.isEmpty() || expected.get().equals(n)));
    }

    private static void awaitClientMacOf(String ip, String node) {
        String mac = nodeMac(node);
        await("the client to learn " + ip + " at " + node + "'s MAC " + mac, Duration.ofSeconds(60), () -> {
            exec(List.of("ip", "netns", "exec", dp.clientNetns(), "curl", "-s", "-o", "/dev/null", "--max-time", "2",
                    "http://" + ip + "/"), Duration.ofSeconds(10));
            return clientMac(ip).filter(mac::equals);
        });
    }

    private static void awaitSpeakerRunning(String node) {
        await("the speaker of " + node + " to run again", Duration.ofSeconds(60),
                () -> TestEnv.testenv("speaker", node, "status").stream().filter(l -> l.startsWith("running")).findFirst());
    }

    private static Optional<String> clientMac(String ip) {
        Exec e = exec(List.of("ip", "netns", "exec", dp.clientNetns(), "ip", "neigh", "show", ip), Duration.ofSeconds(10));
        Matcher m = LLADDR.matcher(e.out());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String nodeMac(String node) {
        Exec e = exec(List.of("ip", "-n", dp.nodeNetns(node), "link", "show", "eth0"), Duration.ofSeconds(10));
        Matcher m = ETHER.matcher(e.out());
        assertThat(m.find()).as(e.toString()).isTrue();
        return m.group(1);
    }

    /** The distinct MACs that answer three ARP requests for {@code ip} from the client (arping). */
    private static List<String> arpResponders(String ip) {
        Exec e = exec(List.of("ip", "netns", "exec", dp.clientNetns(), "arping", "-c", "3", "-w", "4", "-I", "eth0", ip),
                Duration.ofSeconds(15));
        return DataPlaneProbes.arpingMacs(e.out());
    }

    /** The node whose pod stand-in answered {@code http://ip/} from the client (header X-Lbctl-Node). */
    private static Optional<String> curlNode(String ip) {
        Exec e = exec(List.of("ip", "netns", "exec", dp.clientNetns(), "curl", "-sS", "-D", "-", "-o", "/dev/null",
                "--max-time", "3", "http://" + ip + "/"), Duration.ofSeconds(10));
        Matcher m = Pattern.compile("(?im)^X-Lbctl-Node: (\\S+)").matcher(e.out());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** curl from the client every 100 ms, each result with its time, to measure the HTTP outage of a failover. */
    private static final class Prober {
        private final Process process;
        private final Path log;

        private Prober(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        static Prober start(String netns, String ip, Path log) throws IOException {
            String loop = "while :; do t=$(date +%s.%N); if curl -s -o /dev/null --max-time 0.5 http://" + ip
                    + "/; then echo \"$t ok\"; else echo \"$t fail\"; fi; sleep 0.1; done";
            Process p = new ProcessBuilder("ip", "netns", "exec", netns, "bash", "-c", loop)
                    .redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return new Prober(p, log);
        }

        void stop() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        }

        /** From the first failed request after {@code cut} to the next one that succeeded; "none" without a failure. */
        String outageAfter(Instant cut) throws IOException {
            double from = cut.toEpochMilli() / 1000.0;
            Double firstFail = null;
            Double lastFail = null;
            Double recovered = null;
            int fails = 0;
            int total = 0;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                String[] f = line.split(" ");
                if (f.length != 2) {
                    continue;
                }
                double t = Double.parseDouble(f[0]);
                if (t < from) {
                    continue;
                }
                total++;
                if (f[1].equals("fail")) {
                    fails++;
                    firstFail = firstFail == null ? t : firstFail;
                    lastFail = t;
                    recovered = null;
                } else if (lastFail != null && recovered == null) {
                    recovered = t;
                }
            }
            if (firstFail == null) {
                return String.format("none (0 of %d requests every 0.1 s failed)", total);
            }
            return recovered == null ? String.format("not recovered (%d of %d requests failed)", fails, total)
                    : String.format("%.1f s (%d of %d requests failed)", recovered - firstFail, fails, total);
        }
    }
}
