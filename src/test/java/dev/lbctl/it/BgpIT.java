package dev.lbctl.it;

import static dev.lbctl.it.DataPlaneProbes.await;
import static dev.lbctl.it.DataPlaneProbes.exec;
import static dev.lbctl.it.DataPlaneProbes.lbctlIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import dev.lbctl.it.DataPlaneProbes.Exec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.yaml.snakeyaml.Yaml;

/**
 * BGP mode against a real router: {@code lbctl install --bgp-peer} on the dataplane tier, whose speakers (native BGP
 * mode, in the nodes' network namespaces) peer with GoBGP on the LAN. The router's RIB is the judge: each
 * LoadBalancer IP is announced with the announcing nodes as next hops and the configured community, and withdrawn
 * when its Service goes. Leaves MetalLB uninstalled.
 */
@Tag("cluster")
@Order(52) // after DataPlaneIT (same cluster): it re-installs with a BGP pool and uninstalls at the end
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BgpIT {

    private static final String POOL = "bgp=198.51.100.200-198.51.100.207";
    private static final long MY_ASN = 64513; // the ASN the testenv router expects of the nodes
    private static final String COMMUNITY = "64512:100";

    private static TestEnv.DataPlane dp;
    private static KubernetesClient kube;
    private static ConfigMap userConfigMap;
    private static String announcedEverywhere; // the LoadBalancer IP of the Cluster-policy Service of order 2

    @BeforeAll
    static void dataPlane() {
        dp = TestEnv.dataPlane();
        kube = KubeFixtures.client(dp.kubeconfig());
        // The user's own object, created before lbctl writes anything, checked after every lbctl write.
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("bgp-user").endMetadata().build())
                .createOr(n -> n.update());
        kube.configMaps().inNamespace("bgp-user").withName("keep-me").delete();
        await("the user's old ConfigMap to go", Duration.ofSeconds(30), () -> kube.configMaps().inNamespace("bgp-user")
                .withName("keep-me").get() == null ? Optional.of(true) : Optional.empty());
        userConfigMap = kube.configMaps().inNamespace("bgp-user").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("keep-me").withNamespace("bgp-user").endMetadata().withData(Map.of("router", "mine")).build()).create();
    }

    @AfterAll
    static void closeClient() {
        if (kube != null) {
            kube.close();
        }
    }

    private static void assertUserDataIntact() {
        ConfigMap cm = kube.configMaps().inNamespace("bgp-user").withName("keep-me").get();
        assertThat(cm.getMetadata().getResourceVersion()).isEqualTo(userConfigMap.getMetadata().getResourceVersion());
        assertThat(cm.getData()).isEqualTo(Map.of("router", "mine"));
    }

    @Test
    @Order(1)
    void installWithABgpPeerEstablishesASessionFromEveryNode() {
        CliRun install = CliRun.lbctlOn(dp.kubeconfig(), "install", "--pool", POOL, "--bgp-peer", dp.router().address(),
                "--peer-asn", String.valueOf(dp.router().asn()), "--my-asn", String.valueOf(MY_ASN),
                "--bgp-community", COMMUNITY, "--manifests", TestEnv.manifests(), "--timeout", "5m");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertUserDataIntact();
        Set<String> nodes = new TreeSet<>(nodeAddresses().values());
        assertThat(await("a BGP session from every node " + nodes, Duration.ofSeconds(120),
                () -> Optional.of(establishedNeighbours()).filter(n -> n.containsAll(nodes)))).containsAll(nodes);
    }

    /** Cluster policy: every node announces; Local: only the nodes with a ready endpoint. Then withdrawn on delete. */
    @Test
    @Order(2)
    void eachLoadBalancerIpIsAnnouncedByItsNodesWithTheCommunityAndWithdrawnWithItsService() {
        String everywhere = deployWeb("bgp-cluster", 3, "Cluster", Optional.empty());
        announcedEverywhere = everywhere;
        String local = deployWeb("bgp-local", 1, "Local", Optional.of("lbctl-dp-2"));
        Map<String, String> nodes = nodeAddresses();

        Set<String> all = new TreeSet<>(nodes.values());
        assertThat(awaitRoute(everywhere, all)).allSatisfy(p -> assertThat(p.communities()).contains(COMMUNITY));
        Set<String> endpointNodes = new TreeSet<>();
        for (Pod pod : kube.pods().inNamespace("bgp-local").withLabel("app", "web").list().getItems()) {
            endpointNodes.add(nodes.get(pod.getSpec().getNodeName()));
        }
        assertThat(endpointNodes).containsExactly(nodes.get("lbctl-dp-2"));
        assertThat(awaitRoute(local, endpointNodes)).allSatisfy(p -> assertThat(p.communities()).contains(COMMUNITY));

        assertStatusNamesTheAdvertisingNodes("bgp-cluster", nodes.keySet());
        assertStatusNamesTheAdvertisingNodes("bgp-local", Set.of("lbctl-dp-2"));

        kube.services().inNamespace("bgp-local").withName("web").delete();
        await("the route to " + local + " to be withdrawn", Duration.ofSeconds(60),
                () -> paths(local).isEmpty() ? Optional.of(true) : Optional.empty());
        assertThat(paths(everywhere)).as("the other Service's route stays").isNotEmpty();
        assertUserDataIntact();
    }

    /**
     * The last step of the recipe over BGP: a client whose route to the pool's addresses goes through the router gets
     * the HTTP answer. The router forwards along the kernel routes made from its RIB, over every announcing node; the
     * client never learns the IP by ARP (a BGP-only pool is not announced on Layer 2).
     */
    @Test
    @Order(3)
    void aClientRoutedThroughTheRouterReachesTheServiceOverHttp() {
        String ip = announcedEverywhere;
        assertThat(ip).as("the Service of order 2").isNotNull();
        Set<String> nodes = new TreeSet<>(nodeAddresses().values());
        assertThat(await("the router's kernel route to " + ip + " over " + nodes, Duration.ofSeconds(30),
                () -> Optional.of(kernelNextHops(ip)).filter(nodes::equals))).isEqualTo(nodes);
        Exec route = exec(List.of("ip", "-n", dp.clientNetns(), "route", "get", ip), Duration.ofSeconds(10));
        assertThat(route.out()).as(route.toString()).contains("via " + dp.router().address());

        Exec curl = await("HTTP from the client to " + ip + " through the router", Duration.ofSeconds(30), () -> Optional
                .of(exec(List.of("ip", "netns", "exec", dp.clientNetns(), "curl", "-sS", "-D", "-", "-o", "/dev/null",
                        "--max-time", "3", "http://" + ip + "/"), Duration.ofSeconds(10))).filter(e -> e.exit() == 0));
        assertThat(curl.out()).as(curl.toString()).containsPattern("(?im)^X-Lbctl-Node: lbctl-dp-");
        Exec neigh = exec(List.of("ip", "-n", dp.clientNetns(), "neigh", "show", ip), Duration.ofSeconds(10));
        assertThat(neigh.out()).as("the client has no ARP entry for a BGP-only address").isBlank();
        assertUserDataIntact();
    }

    /** verify --mode bgp from the routed client: the speakers report the IP advertised, and HTTP answers. */
    @Test
    @Order(4)
    void verifyInBgpModeFromTheRoutedClientReadsWhatTheSpeakersAdvertiseAndGetsTheAnswer() {
        Exec verify = lbctlIn(dp.clientNetns(), dp.kubeconfig(), "verify", "--mode", "bgp", "-o", "json", "--timeout", "3m");
        assertThat(verify.exit()).as(verify.toString()).isZero();
        Map<String, Object> report = new Yaml().load(verify.out());
        Map<String, String> checks = new java.util.LinkedHashMap<>();
        for (Object c : (List<?>) report.get("checks")) {
            Map<?, ?> m = (Map<?, ?>) c;
            checks.put(String.valueOf(m.get("name")), m.get("result") + ": " + m.get("message"));
        }
        String peer = "lbctl-peer-" + dp.router().address().replace('.', '-');
        assertThat(checks.get("the speakers advertise the IP by BGP")).as(verify.toString()).startsWith("passed")
                .contains("ServiceBGPStatus: lbctl-dp-1 to " + peer).contains("lbctl-dp-3 to " + peer);
        assertThat(checks.get("HTTP GET returns the nginx welcome page")).as(verify.toString()).startsWith("passed");
        assertThat(checks).as(verify.toString()).doesNotContainKey("the answering node is MetalLB's");
        assertUserDataIntact();
    }

    /**
     * doctor on the real cluster: clean for lbctl's peer; a BGPPeer of the user's whose nodeSelectors match no node
     * and whose password Secret is missing gets both findings, named after it. The peer is removed afterwards.
     */
    /**
     * Local preference as configured: MetalLB sends LOCAL_PREF to iBGP peers only, so the user adds an iBGP peer of
     * their own (the testenv's second router, in the nodes' ASN) and a BGPAdvertisement of lbctl's pool with a local
     * preference limited to it. Its RIB gets the route from every node with that preference; removed, it is withdrawn.
     */
    @Test
    @Order(5)
    void aUsersIbgpPeerGetsTheLocalPreferenceOfTheirAdvertisement() {
        String ip = announcedEverywhere;
        assertThat(ip).as("the Service of order 2").isNotNull();
        var peers = kube.genericKubernetesResources("metallb.io/v1beta2", "BGPPeer").inNamespace(DataPlaneProbes.METALLB_NS);
        var advertisements = kube.genericKubernetesResources("metallb.io/v1beta1", "BGPAdvertisement")
                .inNamespace(DataPlaneProbes.METALLB_NS);
        peers.resource(DataPlaneProbes.metallbResource("BGPPeer", "users-ibgp", Map.of("myASN", MY_ASN,
                "peerASN", MY_ASN, "peerAddress", dp.ibgpRouterAddress()))).create();
        advertisements.resource(DataPlaneProbes.metallbResource("BGPAdvertisement", "users-ibgp", Map.of(
                "ipAddressPools", List.of("bgp"), "localPref", 150, "peers", List.of("users-ibgp")))).create();
        try {
            Set<String> nodes = new TreeSet<>(nodeAddresses().values());
            Map<String, Object> localPrefs = await(ip + "/32 in the iBGP router's RIB from " + nodes, Duration.ofSeconds(120),
                    () -> Optional.of(ibgpLocalPrefs(ip)).filter(lp -> lp.keySet().equals(nodes)));
            System.out.println("iBGP router: " + ip + "/32 local preference by next hop " + localPrefs);
            assertThat(localPrefs.values()).allSatisfy(lp -> assertThat(String.valueOf(lp)).isEqualTo("150"));
        } finally {
            advertisements.withName("users-ibgp").delete();
            peers.withName("users-ibgp").delete();
        }
        await("the iBGP router's route to " + ip + " to be withdrawn", Duration.ofSeconds(60),
                () -> ibgpLocalPrefs(ip).isEmpty() ? Optional.of(true) : Optional.empty());
        assertUserDataIntact();
    }

    @Test
    @Order(6)
    @SuppressWarnings("unchecked")
    void doctorExplainsWhyAUsersPeerGetsNoSession() {
        CliRun clean = CliRun.lbctlOn(dp.kubeconfig(), "doctor", "-o", "json");
        List<Map<String, Object>> before = (List<Map<String, Object>>) ((Map<String, Object>) new Yaml().load(clean.out())).get("findings");
        assertThat(before).as(clean.toString()).noneMatch(f -> String.valueOf(f.get("code")).startsWith("bgp-"));

        GenericKubernetesResource peer = DataPlaneProbes.metallbResource("BGPPeer", "users-router", Map.of("myASN", MY_ASN, "peerASN", 64599, "peerAddress", "198.51.100.5",
                "nodeSelectors", List.of(Map.of("matchLabels", Map.of("rack", "nowhere"))),
                "passwordSecret", Map.of("name", "users-router-password")));
        var peers = kube.genericKubernetesResources("metallb.io/v1beta2", "BGPPeer").inNamespace(DataPlaneProbes.METALLB_NS);
        peers.resource(peer).create();
        try {
            CliRun doctor = CliRun.lbctlOn(dp.kubeconfig(), "doctor", "-o", "json");
            assertThat(doctor.exitCode()).as(doctor.toString()).isNotZero();
            List<Map<String, Object>> findings = (List<Map<String, Object>>) ((Map<String, Object>) new Yaml().load(doctor.out())).get("findings");
            assertThat(findings).as(doctor.toString())
                    .anySatisfy(f -> assertThat(f).containsEntry("code", "bgp-peer-selects-no-node")
                            .containsEntry("object", "BGPPeer metallb-system/users-router"))
                    .anySatisfy(f -> assertThat(f).containsEntry("code", "bgp-password-secret-invalid")
                            .containsEntry("object", "BGPPeer metallb-system/users-router"));
        } finally {
            peers.withName("users-router").delete();
        }
        assertUserDataIntact();
    }

    @Test
    @Order(7)
    void uninstallWithdrawsEverythingAndKeepsTheUsersObjects() {
        for (String ns : List.of("bgp-cluster", "bgp-local")) {
            kube.namespaces().withName(ns).delete();
        }
        CliRun uninstall = CliRun.lbctlOn(dp.kubeconfig(), "uninstall", "--yes", "--timeout", "3m");
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        await("the router's RIB to empty", Duration.ofSeconds(60),
                () -> rib().isEmpty() ? Optional.of(true) : Optional.empty());
        await("the router's kernel routes to go", Duration.ofSeconds(30), () -> exec(List.of("ip", "-n",
                dp.router().netns(), "route", "show", "proto", "bgp"), Duration.ofSeconds(10)).out().isBlank()
                ? Optional.of(true) : Optional.empty());
        assertUserDataIntact();
    }

    /** lbctl status -o json: the peer as configured, and the Service's ServiceBGPStatus nodes naming it. */
    @SuppressWarnings("unchecked")
    private static void assertStatusNamesTheAdvertisingNodes(String ns, Set<String> nodes) {
        String peer = "lbctl-peer-" + dp.router().address().replace('.', '-');
        await("lbctl status to name " + nodes + " as advertising " + ns + "/web to " + peer, Duration.ofSeconds(60), () -> {
            CliRun status = CliRun.lbctlOn(dp.kubeconfig(), "status", "-o", "json");
            Map<String, Object> doc = new Yaml().load(status.out());
            assertThat((List<Map<String, Object>>) doc.get("bgpPeers")).as(status.toString())
                    .anySatisfy(p -> assertThat(p).containsEntry("name", peer).containsEntry("address", dp.router().address()));
            Set<String> advertising = new TreeSet<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) doc.get("services")) {
                if (ns.equals(s.get("namespace"))) {
                    ((List<Map<String, Object>>) s.get("bgp")).stream().filter(a -> ((List<?>) a.get("peers")).contains(peer))
                            .forEach(a -> advertising.add(String.valueOf(a.get("node"))));
                }
            }
            return advertising.equals(new TreeSet<>(nodes)) ? Optional.of(true) : Optional.empty();
        });
    }

    // ------------------------------------------------------------------------------------------------------------
    // The router, through the gobgp CLI's JSON

    record Path(String nextHop, List<String> communities) {
    }

    /** Waits until exactly {@code nextHops} announce {@code ip}/32; returns those paths. */
    private static List<Path> awaitRoute(String ip, Set<String> nextHops) {
        List<Path> found = await(ip + "/32 in the router's RIB with next hops " + nextHops, Duration.ofSeconds(90), () -> {
            List<Path> p = paths(ip);
            return nextHopsOf(p).equals(nextHops) ? Optional.of(p) : Optional.empty();
        });
        System.out.println("router: " + ip + "/32 via " + found);
        return found;
    }

    /** The next hops of the router's kernel route to {@code ip} (what it forwards along, one per ECMP leg). */
    private static Set<String> kernelNextHops(String ip) {
        Exec e = exec(List.of("ip", "-n", dp.router().netns(), "route", "show", ip + "/32", "proto", "bgp"),
                Duration.ofSeconds(10));
        Set<String> hops = new TreeSet<>();
        Matcher m = Pattern.compile("via (\\S+)").matcher(e.out());
        while (m.find()) {
            hops.add(m.group(1));
        }
        return hops;
    }

    /** The iBGP router's paths for {@code ip}/32: next hop to LOCAL_PREF (path attribute type 5). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> ibgpLocalPrefs(String ip) {
        Map<String, Object> out = new java.util.TreeMap<>();
        Object doc = new Yaml().load(String.join("\n", TestEnv.testenv("gobgp", "--ibgp", "-j", "global", "rib")));
        Object dest = doc instanceof Map<?, ?> m ? m.get(ip + "/32") : null;
        for (Object o : dest instanceof List<?> list ? list : List.of()) {
            String nextHop = null;
            Object localPref = null;
            for (Object a : (List<Object>) ((Map<String, Object>) o).get("attrs")) {
                Map<String, Object> attr = (Map<String, Object>) a;
                if (attr.get("nexthop") != null) {
                    nextHop = String.valueOf(attr.get("nexthop"));
                }
                if (Integer.valueOf(5).equals(attr.get("type"))) {
                    localPref = attr.get("value");
                }
            }
            out.put(nextHop, localPref);
        }
        return out;
    }

    private static Set<String> nextHopsOf(List<Path> paths) {
        return paths.stream().map(Path::nextHop).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rib() {
        Object doc = new Yaml().load(String.join("\n", dp.router().gobgp("-j", "global", "rib")));
        return doc instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** The router's paths for {@code ip}/32 (one per announcing neighbour). */
    @SuppressWarnings("unchecked")
    private static List<Path> paths(String ip) {
        List<Path> out = new ArrayList<>();
        Object dest = rib().get(ip + "/32");
        if (!(dest instanceof List<?> list)) {
            return out;
        }
        for (Object o : list) {
            String nextHop = null;
            List<String> communities = new ArrayList<>();
            for (Object a : (List<Object>) ((Map<String, Object>) o).get("attrs")) {
                Map<String, Object> attr = (Map<String, Object>) a;
                if (attr.get("nexthop") != null) {
                    nextHop = String.valueOf(attr.get("nexthop"));
                }
                if (attr.get("communities") instanceof List<?> cs) {
                    cs.forEach(c -> communities.add(community(c)));
                }
            }
            out.add(new Path(nextHop, communities));
        }
        return out;
    }

    /** GoBGP prints a standard community as one 32-bit number: high 16 bits the ASN, low 16 the value. */
    private static String community(Object c) {
        if (c instanceof Number n) {
            long v = n.longValue();
            return (v >>> 16) + ":" + (v & 0xffff);
        }
        return String.valueOf(c);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> establishedNeighbours() {
        Set<String> up = new TreeSet<>();
        Object doc = new Yaml().load(String.join("\n", dp.router().gobgp("-j", "neighbor")));
        for (Object o : doc instanceof List<?> l ? l : List.of()) {
            Map<String, Object> n = (Map<String, Object>) o;
            Map<String, Object> state = (Map<String, Object>) n.getOrDefault("state", Map.of());
            Map<String, Object> conf = (Map<String, Object>) n.getOrDefault("conf", Map.of());
            Object session = state.get("session_state");
            if ("ESTABLISHED".equalsIgnoreCase(String.valueOf(session)) || "6".equals(String.valueOf(session))) {
                up.add(String.valueOf(conf.get("neighbor_address")));
            }
        }
        return up;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The cluster

    /** Node name to InternalIP. */
    private static Map<String, String> nodeAddresses() {
        Map<String, String> out = new java.util.TreeMap<>();
        kube.nodes().list().getItems().forEach(n -> n.getStatus().getAddresses().stream()
                .filter(a -> "InternalIP".equals(a.getType())).map(NodeAddress::getAddress).findFirst()
                .ifPresent(ip -> out.put(n.getMetadata().getName(), ip)));
        return out;
    }

    private static String deployWeb(String ns, int replicas, String policy, Optional<String> node) {
        String ip = DataPlaneProbes.deployWeb(kube, ns, replicas, policy, node, Map.of());
        assertThat(ip).as("from lbctl's BGP pool").startsWith("198.51.100.20");
        return ip;
    }
}
