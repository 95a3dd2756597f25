package dev.lbctl.it;

import static dev.lbctl.it.DataPlaneProbes.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * {@code lbctl doctor} on the real data plane (the dataplane tier: MetalLB v0.16.1's speakers in node network
 * namespaces, memberlist on, a client on the LAN). Each test breaks one cause, asserts that doctor names its code and
 * exits 1, undoes it and asserts a clean bill for that Service; the first checks that the predicted announcing node is
 * the one in ServiceL2Status and the one whose MAC answers ARP, over several Services. Its pools (198.51.100.200-213)
 * do not overlap DataPlaneIT's, and every Service requests its pool, so the two classes do not disturb each other.
 */
@Tag("cluster")
@Order(51) // after DataPlaneIT, on the same dataplane cluster
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DoctorIT {

    private static final String METALLB_NS = DataPlaneProbes.METALLB_NS;
    private static final String NS = "doctor";
    private static final String INSTALL_POOL = "198.51.100.240-198.51.100.250";
    private static final String EXCLUDE_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";
    private static final List<String> NODES = List.of("lbctl-dp-1", "lbctl-dp-2", "lbctl-dp-3");
    private static final Pattern ETHER = Pattern.compile("link/ether ([0-9a-f:]{17})");

    private static TestEnv.DataPlane dp;
    private static KubernetesClient kube;

    @TempDir
    static Path dir;

    @BeforeAll
    static void dataPlaneWithMetalLb() {
        dp = TestEnv.dataPlane();
        kube = KubeFixtures.client(dp.kubeconfig());
        CliRun install = CliRun.lbctlOn(dp.kubeconfig(), "install", "--pool", INSTALL_POOL, "--manifests",
                TestEnv.manifests(), "--timeout", "5m");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        if (kube.namespaces().withName(NS).get() != null) {
            kube.namespaces().withName(NS).delete();
            await("namespace " + NS + " to go", Duration.ofSeconds(120),
                    () -> kube.namespaces().withName(NS).get() == null ? Optional.of(true) : Optional.empty());
        }
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        await("ServiceAccount default in " + NS, Duration.ofSeconds(30),
                () -> Optional.ofNullable(kube.serviceAccounts().inNamespace(NS).withName("default").get()));
        pool("doctor", "198.51.100.200-198.51.100.207");
        l2Advertisement("doctor", Optional.empty());
    }

    @AfterAll
    static void cleanUp() {
        if (kube != null) {
            kube.namespaces().withName(NS).delete();
            for (String p : List.of("doctor", "doctor-tiny", "doctor-sel", "doctor-local")) {
                kube.genericKubernetesResources("metallb.io/v1beta1", "L2Advertisement").inNamespace(METALLB_NS).withName(p).delete();
                kube.genericKubernetesResources("metallb.io/v1beta1", "IPAddressPool").inNamespace(METALLB_NS).withName(p).delete();
            }
            kube.close();
        }
    }

    /** The prediction, ServiceL2Status and the MAC that answers ARP agree, Service after Service. */
    @Test
    @Order(1)
    void predictedNodeIsTheAnnouncingNodeAndTheOneThatAnswersArp() {
        CliRun installation = CliRun.lbctlOn(dp.kubeconfig(), "doctor");
        assertThat(installation.exitCode()).as(installation.toString()).isZero();
        List<String> winners = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            String name = "web-" + i;
            String ip = deploy(name, 2, "Cluster", Optional.empty(), "doctor");
            String announcing = awaitL2Node(name, Optional.empty());
            Doctor d = doctor(name);
            assertThat(d.exit).as(d.toString()).isZero();
            assertThat(d.errors()).as(d.toString()).isEmpty();
            assertThat(d.predicted()).as(d.toString()).isEqualTo(announcing);
            assertThat(d.actual()).as(d.toString()).isEqualTo(announcing);
            assertThat(awaitArpResponders(ip)).as("MACs answering ARP for " + ip).containsExactly(nodeMac(announcing));
            winners.add(announcing);
        }
        System.out.println("doctor: predicted = ServiceL2Status = ARP-answering node for web-1..6: " + winners);
    }

    @Test
    @Order(2)
    void excludeLabelOnEveryNode() {
        String before = awaitL2Node("web-1", Optional.empty());
        try {
            NODES.forEach(n -> kube.nodes().withName(n).edit(node -> {
                node.getMetadata().getLabels().put(EXCLUDE_LABEL, "");
                return node;
            }));
            Doctor d = doctor("web-1");
            assertThat(d.exit).as(d.toString()).isEqualTo(1);
            assertThat(d.codes()).as(d.toString()).contains("nodes-excluded-by-label");
            assertThat(d.predicted()).as(d.toString()).isNull();
        } finally {
            NODES.forEach(n -> kube.nodes().withName(n).edit(node -> {
                node.getMetadata().getLabels().remove(EXCLUDE_LABEL);
                return node;
            }));
        }
        awaitL2Node("web-1", Optional.of(before));
        assertClean("web-1", before);
    }

    /** A stopped speaker leaves memberlist; its pod stays Ready here (KWOK), so doctor sees a mismatch and says why. */
    @Test
    @Order(3)
    void speakerStoppedOnThePredictedNode() {
        String predicted = awaitL2Node("web-2", Optional.empty());
        try {
            TestEnv.testenv("speaker", predicted, "stop");
            await("another node to announce web-2", Duration.ofSeconds(60),
                    () -> l2Node("web-2").filter(n -> !n.equals(predicted)));
            Doctor d = doctor("web-2");
            assertThat(d.exit).as(d.toString()).isEqualTo(1);
            assertThat(d.codes()).as(d.toString()).contains("announcing-node-mismatch");
            assertThat(d.predicted()).as(d.toString()).isEqualTo(predicted);
        } finally {
            TestEnv.testenv("speaker", predicted, "start");
        }
        await("the speaker of " + predicted + " to run again", Duration.ofSeconds(60),
                () -> TestEnv.testenv("speaker", predicted, "status").stream().filter(l -> l.startsWith("running")).findFirst());
        awaitL2Node("web-2", Optional.of(predicted));
        assertClean("web-2", predicted);
    }

    @Test
    @Order(4)
    void poolExhausted() {
        pool("doctor-tiny", "198.51.100.210/32");
        l2Advertisement("doctor-tiny", Optional.empty());
        deploy("tiny-1", 1, "Cluster", Optional.empty(), "doctor-tiny");
        deployPending("tiny-2", "doctor-tiny");
        awaitEvent("tiny-2", "AllocationFailed");
        Doctor d = doctor("tiny-2");
        assertThat(d.exit).as(d.toString()).isEqualTo(1);
        assertThat(d.codes()).as(d.toString()).contains("pool-exhausted").doesNotContain("allocation-event-disagrees");

        kube.services().inNamespace(NS).withName("tiny-1").delete();
        awaitIp("tiny-2");
        assertClean("tiny-2", awaitL2Node("tiny-2", Optional.empty()));
    }

    @Test
    @Order(5)
    void addressPoolAnnotationNamingAMissingPool() {
        deployPending("lost", "no-such-pool");
        awaitEvent("lost", "AllocationFailed");
        Doctor d = doctor("lost");
        assertThat(d.exit).as(d.toString()).isEqualTo(1);
        assertThat(d.codes()).as(d.toString()).contains("pool-not-found");

        kube.services().inNamespace(NS).withName("lost").edit(s -> {
            s.getMetadata().getAnnotations().put("metallb.io/address-pool", "doctor");
            return s;
        });
        awaitIp("lost");
        assertClean("lost", awaitL2Node("lost", Optional.empty()));
    }

    @Test
    @Order(6)
    void nodeSelectorsMatchingNoNode() {
        pool("doctor-sel", "198.51.100.212/32");
        l2Advertisement("doctor-sel", Optional.of("no-such-node"));
        deploy("sel", 2, "Cluster", Optional.empty(), "doctor-sel");
        Doctor d = doctor("sel");
        assertThat(d.exit).as(d.toString()).isEqualTo(1);
        assertThat(d.codes()).as(d.toString()).contains("node-selectors-match-no-node");
        assertThat(l2Node("sel")).isEmpty();

        l2Advertisement("doctor-sel", Optional.of("lbctl-dp-2"));
        assertClean("sel", awaitL2Node("sel", Optional.of("lbctl-dp-2")));
    }

    @Test
    @Order(7)
    void localPolicyWithoutAnEndpointOnANodeThatMayAnnounce() {
        pool("doctor-local", "198.51.100.213/32");
        l2Advertisement("doctor-local", Optional.of("lbctl-dp-2"));
        deploy("local", 1, "Local", Optional.of("lbctl-dp-1"), "doctor-local");
        Doctor d = doctor("local");
        assertThat(d.exit).as(d.toString()).isEqualTo(1);
        assertThat(d.codes()).as(d.toString()).contains("no-local-endpoint");

        l2Advertisement("doctor-local", Optional.of("lbctl-dp-1"));
        assertClean("local", awaitL2Node("local", Optional.of("lbctl-dp-1")));
    }

    // ------------------------------------------------------------------------------------------------------------
    // Helpers

    /** doctor's JSON for one Service of namespace doctor. */
    private record Doctor(CliRun run, int exit, Map<String, Object> json) {

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> findings() {
            return (List<Map<String, Object>>) json.get("findings");
        }

        List<String> codes() {
            return findings().stream().map(f -> String.valueOf(f.get("code"))).toList();
        }

        List<Map<String, Object>> errors() {
            return findings().stream().filter(f -> "error".equals(f.get("severity"))).toList();
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> announcement() {
            List<Map<String, Object>> services = (List<Map<String, Object>>) json.get("services");
            return services.isEmpty() ? Map.of() : (Map<String, Object>) services.get(0).get("announcement");
        }

        String predicted() {
            return (String) announcement().get("predicted");
        }

        String actual() {
            return (String) announcement().get("actual");
        }

        @Override
        public String toString() {
            return run.toString();
        }
    }

    private static Doctor doctor(String service) {
        CliRun run = CliRun.lbctlOn(dp.kubeconfig(), "doctor", "-n", NS, service, "-o", "json");
        Map<String, Object> json = run.out().isBlank() ? Map.of("findings", List.of(), "services", List.of())
                : new Yaml().load(run.out());
        return new Doctor(run, run.exitCode(), json);
    }

    /** Clean once MetalLB has settled: exit 0, no error, and the prediction is the announcing node. */
    private static void assertClean(String service, String announcing) {
        Doctor d = await("a clean bill for " + service, Duration.ofSeconds(60), () -> {
            Doctor x = doctor(service);
            return x.exit == 0 ? Optional.of(x) : Optional.empty();
        });
        assertThat(d.errors()).as(d.toString()).isEmpty();
        assertThat(d.predicted()).as(d.toString()).isEqualTo(announcing);
        assertThat(d.actual()).as(d.toString()).isEqualTo(announcing);
    }

    /** A Deployment of pod stand-ins behind a LoadBalancer Service that requests {@code pool}; returns its IP. */
    private static String deploy(String name, int replicas, String policy, Optional<String> node, String pool) {
        createDeployment(name, replicas, node);
        createService(name, policy, pool);
        String ip = awaitIp(name);
        await("ready pods of " + name, Duration.ofSeconds(90), () -> {
            var d = kube.apps().deployments().inNamespace(NS).withName(name).get();
            Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
            return ready != null && ready == replicas ? Optional.of(true) : Optional.empty();
        });
        return ip;
    }

    /** Like {@link #deploy} for a Service that is expected to stay pending. */
    private static void deployPending(String name, String pool) {
        createDeployment(name, 1, Optional.empty());
        createService(name, "Cluster", pool);
    }

    private static void createDeployment(String name, int replicas, Optional<String> node) {
        var pod = new DeploymentBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", name).endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", name).endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").addNewPort().withContainerPort(80)
                .endPort().endContainer();
        node.ifPresent(n -> pod.withNodeSelector(Map.of("kubernetes.io/hostname", n)));
        kube.apps().deployments().inNamespace(NS).resource(pod.endSpec().endTemplate().endSpec().build()).create();
    }

    private static void createService(String name, String policy, String pool) {
        kube.services().inNamespace(NS).resource(new ServiceBuilder().withNewMetadata().withName(name).withNamespace(NS)
                .withAnnotations(Map.of("metallb.io/address-pool", pool)).endMetadata().withNewSpec().withType("LoadBalancer")
                .withExternalTrafficPolicy(policy).addToSelector("app", name).addNewPort().withPort(80)
                .withNewTargetPort(80).endPort().endSpec().build()).create();
    }

    private static String awaitIp(String name) {
        return await("an external IP for " + NS + "/" + name, Duration.ofSeconds(90), () -> Optional.ofNullable(
                kube.services().inNamespace(NS).withName(name).get()).map(s -> s.getStatus().getLoadBalancer().getIngress())
                .filter(l -> !l.isEmpty()).map(l -> l.get(0).getIp()));
    }

    private static void awaitEvent(String service, String reason) {
        await(reason + " for " + service, Duration.ofSeconds(60), () -> kube.v1().events().inNamespace(NS).list().getItems()
                .stream().filter(e -> reason.equals(e.getReason()) && service.equals(e.getInvolvedObject().getName())).findFirst());
    }

    private static void pool(String name, String range) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("addresses", List.of(range));
        spec.put("autoAssign", false);
        kube.genericKubernetesResources("metallb.io/v1beta1", "IPAddressPool").inNamespace(METALLB_NS)
                .resource(DataPlaneProbes.metallbResource("IPAddressPool", name, spec)).createOr(r -> r.update());
    }

    /** An L2Advertisement of one pool, on every node or on the node of that hostname only. */
    private static void l2Advertisement(String pool, Optional<String> node) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ipAddressPools", List.of(pool));
        node.ifPresent(n -> spec.put("nodeSelectors", List.of(Map.of("matchLabels", Map.of("kubernetes.io/hostname", n)))));
        kube.genericKubernetesResources("metallb.io/v1beta1", "L2Advertisement").inNamespace(METALLB_NS)
                .resource(DataPlaneProbes.metallbResource("L2Advertisement", pool, spec)).createOr(r -> r.update());
    }

    private static Optional<String> l2Node(String service) {
        return DataPlaneProbes.l2Node(kube, NS, service);
    }

    private static String awaitL2Node(String service, Optional<String> expected) {
        return await("ServiceL2Status of " + service + expected.map(n -> " naming " + n).orElse(""), Duration.ofSeconds(60),
                () -> l2Node(service).filter(n -> expected.isEmpty() || expected.get().equals(n)));
    }

    private static String nodeMac(String node) {
        String out = exec(List.of("ip", "-n", dp.nodeNetns(node), "link", "show", "eth0"));
        Matcher m = ETHER.matcher(out);
        assertThat(m.find()).as(out).isTrue();
        return m.group(1);
    }

    /** The distinct MACs answering ARP for {@code ip} from the client, once at least one answers. */
    private static List<String> awaitArpResponders(String ip) {
        return await("an ARP answer for " + ip, Duration.ofSeconds(30), () -> {
            String out = exec(List.of("ip", "netns", "exec", dp.clientNetns(), "arping", "-c", "3", "-w", "4", "-I", "eth0", ip));
            List<String> macs = DataPlaneProbes.arpingMacs(out);
            return macs.isEmpty() ? Optional.empty() : Optional.of(macs);
        });
    }

    private static String exec(List<String> cmd) {
        try {
            Path out = Files.createTempFile(dir, "out", ".txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(15, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 15 s");
            }
            return Files.readString(out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        }
    }
}
