package dev.lbctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import dev.lbctl.input.YamlDocuments;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * BGP on a ConfigMap release (v0.12.1) on the metallb tier: MetalLB applied by hand with the user's own ConfigMap
 * (a peer of theirs with its password, and a Layer 2 pool) created first; lbctl adds a BGP pool and its peer, whose
 * password comes from a Secret, then uninstalls, and the user's text must come back byte for byte. The speakers are
 * KWOK's, so this checks what MetalLB would read, not a session.
 */
@Tag("cluster")
@Order(38) // metallb tier, after OwnershipLifecycleIT
class LegacyBgpIT {

    private static final String NS = "metallb-system";
    private static final String PASSWORD = "lbctl-it-md5-value";
    private static final String USERS_TEXT = """
            # the network team's router and office pool; lbctl must give this back exactly
            peers:
            - peer-address: 127.0.0.3   # core router
              peer-asn: 64501
              my-asn: 64500
              password: team-secret
            address-pools:
            - name: theirs
              protocol: layer2
              addresses: [127.0.0.96/29]
            """;

    private static Path kubeconfig;
    private static KubernetesClient kube;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.metallb);
        kube = KubeFixtures.client(kubeconfig);
        KubeFixtures.removeMetalLb(kube);
    }

    @AfterAll
    static void cleanUp() {
        KubeFixtures.removeMetalLb(kube);
        kube.close();
    }

    private static CliRun run(String... args) {
        return CliRun.lbctlOn(kubeconfig, args);
    }

    private static final List<String> INSTALL = List.of("install", "--metallb-version", "v0.12.1", "--pools-only",
            "--skip-strictarp-check", "--pool", "lan=127.0.0.240-127.0.0.250", "--bgp-peer", "127.0.0.2",
            "--peer-asn", "64512", "--my-asn", "64513", "--bgp-community", "64512:10", "--password-secret", "router-md5");

    private static Map<?, ?> configAsMetalLbReadsIt() {
        String text = kube.configMaps().inNamespace(NS).withName("config").get().getData().get("config");
        return (Map<?, ?>) YamlDocuments.parseLikeYamlV2(text, "ConfigMap config").get(0);
    }

    @Test
    void aBgpPoolAndPeerGoBesideTheUsersPeerAndAreRemovedAgain() {
        KubeFixtures.installLegacyByHand(kube, "v0.12.1", USERS_TEXT);

        // The Secret does not exist yet: refused before any write, naming it.
        CliRun refused = run(INSTALL.toArray(String[]::new));
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("Secret metallb-system/router-md5 does not exist");
        assertThat(kube.configMaps().inNamespace(NS).withName("config").get().getData().get("config")).isEqualTo(USERS_TEXT);

        kube.secrets().inNamespace(NS).resource(new SecretBuilder().withNewMetadata().withName("router-md5").endMetadata()
                .withType("kubernetes.io/basic-auth").addToStringData("username", "metallb")
                .addToStringData("password", PASSWORD).build()).create();
        CliRun install = run(INSTALL.toArray(String[]::new));
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.out() + install.err()).as("the password is never printed").doesNotContain(PASSWORD);
        assertThat(install.out()).contains("peer 127.0.0.3", "pool theirs");
        assertThat(install.err()).contains("announces every BGP pool to every peer");

        Map<?, ?> config = configAsMetalLbReadsIt();
        assertThat(List.copyOf((List<?>) config.get("peers"))).isEqualTo(List.of(
                Map.of("peer-address", "127.0.0.3", "peer-asn", 64501, "my-asn", 64500, "password", "team-secret"),
                Map.of("peer-address", "127.0.0.2", "peer-asn", 64512, "my-asn", 64513, "password", PASSWORD)));
        assertThat((List<?>) config.get("address-pools")).extracting(p -> ((Map<?, ?>) p).get("name") + "/" + ((Map<?, ?>) p).get("protocol"))
                .containsExactly("theirs/layer2", "lan/bgp");
        assertThat(kube.configMaps().inNamespace(NS).withName("config").get().getMetadata().getAnnotations())
                .containsEntry("lbctl.dev/managed-pools", "lan").containsEntry("lbctl.dev/managed-peers", "127.0.0.2");

        CliRun again = run(java.util.stream.Stream.concat(INSTALL.stream(), java.util.stream.Stream.of("-o", "json"))
                .toArray(String[]::new));
        assertThat(again.out()).as(again.toString()).contains("\"configurationChanged\": false");

        CliRun uninstall = run("uninstall", "--yes");
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        var after = kube.configMaps().inNamespace(NS).withName("config").get();
        assertThat(after.getData().get("config")).isEqualTo(USERS_TEXT);
        assertThat(after.getMetadata().getAnnotations()).doesNotContainKeys("lbctl.dev/managed-pools", "lbctl.dev/managed-peers");
        assertThat(kube.secrets().inNamespace(NS).withName("router-md5").get()).as("the user's Secret stays").isNotNull();
    }
}
