package dev.lbctl.it;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * install against a bare kube-apiserver (the api tier: no controllers, so nothing rolls out and we pass --no-wait):
 * what must happen before and around the apply. Full rollouts are proven on the workloads and metallb tiers.
 */
@Tag("cluster")
@Order(13) // api-tier classes first: a class only ever raises the tier (see TestEnv)
class InstallApiIT {

    private static final String NS = "metallb-system";
    private static Path kubeconfig;
    private static KubernetesClient kube;

    @TempDir
    Path dir;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.api);
        kube = KubeFixtures.client(kubeconfig);
    }

    @AfterAll
    static void closeClient() {
        kube.close();
    }

    /** Without a namespace controller a namespace never finishes deleting: remove its content and finalizer ourselves. */
    @AfterEach
    void removeWhatInstallCreated() {
        kube.apps().deployments().inNamespace(NS).delete();
        kube.apps().daemonSets().inNamespace(NS).delete();
        kube.configMaps().inNamespace(NS).delete();
        kube.secrets().inNamespace(NS).delete();
        kube.nodes().withLabel("lbctl-test", "install").delete();
        kube.configMaps().inNamespace("kube-system").withName("kube-proxy").delete();
        KubeFixtures.deleteNamespaceWithoutController(kube, NS);
    }

    private CliRun run(String... args) {
        return CliRun.lbctlOn(kubeconfig, args);
    }

    private String manifests() {
        return TestEnv.manifests();
    }

    @Test
    void legacyInstallSkipsPodSecurityPolicyKeepsForeignPoolsAndIsIdempotent() {
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
        kube.configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("config").withNamespace(NS).endMetadata()
                .withData(Map.of("config", "address-pools:\n- name: theirs\n  protocol: layer2\n  addresses:\n  - 10.9.0.0/29\n"))
                .build()).create();

        CliRun refused = run("install", "--metallb-version", "v0.10.2", "--manifests", manifests(), "--no-wait",
                "--pool", "lan=192.168.100.240-250");
        assertThat(refused.exitCode()).as("the namespace is the user's").isEqualTo(1);
        assertThat(refused.err()).contains("Namespace metallb-system exists and lbctl did not create it");

        CliRun first = run("install", "--metallb-version", "v0.10.2", "--manifests", manifests(), "--no-wait",
                "--pool", "lan=192.168.100.240-250", "--adopt");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("taken over: Namespace metallb-system");
        assertThat(first.err()).as(first.toString()).contains("warning: skipping PodSecurityPolicy metallb-system/controller");
        ConfigMap config = kube.configMaps().inNamespace(NS).withName("config").get();
        assertThat(config.getData().get("config")).contains("name: theirs", "10.9.0.0/29", "name: lan",
                "192.168.100.240-192.168.100.250");
        assertThat(config.getMetadata().getAnnotations()).containsEntry("lbctl.dev/managed-pools", "lan");
        assertThat(kube.apps().deployments().inNamespace(NS).withName("controller").get()).isNotNull();
        assertThat(kube.apps().daemonSets().inNamespace(NS).withName("speaker").get()).isNotNull();

        Map<String, String> before = resourceVersions();
        CliRun second = run("install", "--metallb-version", "v0.10.2", "--manifests", manifests(), "--no-wait",
                "--pool", "lan=192.168.100.240-250");
        // The second run needs no --adopt: the namespace is lbctl's now.
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(resourceVersions()).as("a second identical install changes nothing").isEqualTo(before);
    }

    private Map<String, String> resourceVersions() {
        return Stream.<HasMetadata>concat(
                        Stream.concat(kube.configMaps().inNamespace(NS).list().getItems().stream(),
                                kube.apps().deployments().inNamespace(NS).list().getItems().stream()),
                        Stream.concat(kube.apps().daemonSets().inNamespace(NS).list().getItems().stream(),
                                kube.rbac().clusterRoles().withLabel("app", "metallb").list().getItems().stream()))
                .collect(Collectors.toMap(o -> o.getKind() + "/" + o.getMetadata().getName(),
                        o -> o.getMetadata().getResourceVersion()));
    }

    @Test
    void tamperedManifestIsRefusedBeforeAnythingIsApplied() throws IOException {
        Path mirror = dir.resolve("mirror/v0.16.1");
        Files.createDirectories(mirror);
        String original = Files.readString(TestEnv.shared().resolve("metallb/v0.16.1/metallb-native.yaml"));
        Files.writeString(mirror.resolve("metallb-native.yaml"), original.replace("quay.io/metallb/controller:v0.16.1",
                "quay.io/evil/controller:v0.16.1"));
        CliRun run = run("install", "--manifests", dir.resolve("mirror").toString(), "--pool", "192.168.100.240-250", "--no-wait");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).as(run.toString()).contains("sha256").contains("metallb-native.yaml").doesNotContain("\tat ");
        assertThat(kube.namespaces().withName(NS).get()).as("nothing applied").isNull();
    }

    @Test
    void invalidPoolsStopOfflineWithExit3() {
        CliRun run = run("install", "--manifests", manifests(), "--pool", "192.168.100.250-240");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).contains("is after the end IP");
        assertThat(kube.namespaces().withName(NS).get()).isNull();
    }

    @Test
    void poolOverlappingANodeAddressFailsPreflight() {
        NodeAddressing node = someNode();
        CliRun run = run("install", "--manifests", manifests(), "--pool", node.ip() + "-" + node.ip(), "--pool",
                node.podCidr(), "--no-wait");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).as(run.toString())
                .contains("contains " + node.ip() + ", the InternalIP of node " + node.name())
                .contains("overlaps the pod network " + node.podCidr());
        assertThat(kube.namespaces().withName(NS).get()).isNull();
    }

    private record NodeAddressing(String name, String ip, String podCidr) {
    }

    /**
     * A node with an InternalIP and a pod CIDR: one of the tier's fake nodes when KWOK runs (it owns every node's status),
     * else one this test creates on the bare API server.
     */
    private NodeAddressing someNode() {
        for (var n : kube.nodes().list().getItems()) {
            var ip = n.getStatus() == null || n.getStatus().getAddresses() == null ? null : n.getStatus().getAddresses().stream()
                    .filter(a -> "InternalIP".equals(a.getType())).findFirst().orElse(null);
            if (ip != null && n.getSpec().getPodCIDR() != null) {
                return new NodeAddressing(n.getMetadata().getName(), ip.getAddress(), n.getSpec().getPodCIDR());
            }
        }
        kube.nodes().resource(new NodeBuilder().withNewMetadata().withName("lbctl-install-node")
                .addToLabels("lbctl-test", "install").endMetadata()
                .withNewSpec().withPodCIDR("10.244.0.0/24").withPodCIDRs("10.244.0.0/24").endSpec()
                .build()).create();
        kube.nodes().withName("lbctl-install-node").editStatus(n -> {
            n.setStatus(new io.fabric8.kubernetes.api.model.NodeStatusBuilder()
                    .addNewAddress().withType("InternalIP").withAddress("192.168.100.245").endAddress().build());
            return n;
        });
        return new NodeAddressing("lbctl-install-node", "192.168.100.245", "10.244.0.0/24");
    }

    @Test
    void ipvsWithoutStrictArpStopsWithTheFixCommand() {
        kube.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("kube-proxy").withNamespace("kube-system").endMetadata()
                .withData(Map.of("config.conf", KubeFixtures.resource("kubeproxy/ipvs-without-strictarp/config.conf")))
                .build()).create();
        CliRun run = run("install", "--manifests", manifests(), "--pool", "192.168.100.240-250", "--no-wait");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("lbctl check-strictarp --fix");
        assertThat(kube.namespaces().withName(NS).get()).isNull();
    }

    @Test
    void dryRunNeedsNoCluster() {
        CliRun run = lbctl("--kubeconfig", dir.resolve("absent").toString(), "install", "--manifests", manifests(),
                "--pool", "192.168.100.240-250", "--dry-run", "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("\"firstAddress\": \"192.168.100.240\"", "\"kind\": \"IPAddressPool\"");
    }
}
