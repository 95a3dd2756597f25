package dev.lbctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's five ways lbctl lost user data, each reproduced on the metallb tier with the user's objects created first
 * and checked afterwards: unchanged resourceVersion means nobody wrote them.
 */
@Tag("cluster")
@Order(36)
class OwnershipIT {

    private static final String NS = "metallb-system";
    private static final String POOL = "127.0.0.240-127.0.0.250";

    private static Path kubeconfig;
    private static KubernetesClient kube;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.metallb);
        kube = KubeFixtures.client(kubeconfig);
        KubeFixtures.removeMetalLb(kube);
    }

    @AfterEach
    void removeEverything() {
        kube.namespaces().withName("mydata").delete();
        kube.configMaps().inNamespace("kube-system").withName("kube-proxy").delete();
        KubeFixtures.removeMetalLb(kube);
    }

    @AfterAll
    static void closeClient() {
        kube.close();
    }

    private static CliRun run(String... args) {
        return CliRun.lbctlOn(kubeconfig, args);
    }

    private static CliRun ok(String... args) {
        CliRun run = run(args);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        return run;
    }

    private static CliRun installLbctl(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("install", "--manifests", TestEnv.manifests(), "--timeout", "3m"));
        args.addAll(List.of(extra));
        return ok(args.toArray(String[]::new));
    }

    private static GenericKubernetesResource createMetalLb(String kind, String name, Map<String, Object> spec) {
        return KubeFixtures.createMetalLb(kube, kind, name, spec);
    }

    private static GenericKubernetesResource metallbObject(String kind, String name) {
        return KubeFixtures.metallbObject(kube, kind, name);
    }

    private static String rv(GenericKubernetesResource r) {
        return KubeFixtures.userView(r);
    }

    @Test
    void verifyInTheUsersNamespaceDeletesOnlyItsOwnAndTwoVerifiesOfOneIpBothPass() {
        installLbctl("--pool", POOL);
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("mydata").endMetadata().build()).create();
        var precious = kube.configMaps().inNamespace("mydata").resource(new ConfigMapBuilder().withNewMetadata()
                .withName("precious").endMetadata().addToData("k", "v").build()).create();

        CliRun verify = ok("verify", "--namespace", "mydata", "--ip", "127.0.0.241", "--timeout", "2m");
        assertThat(verify.err()).contains("deleted Service mydata/nginx", "deleted Deployment mydata/nginx")
                .doesNotContain("deleted Namespace");
        assertThat(kube.namespaces().withName("mydata").get().getMetadata().getDeletionTimestamp()).isNull();
        assertThat(kube.configMaps().inNamespace("mydata").withName("precious").get().getMetadata().getResourceVersion())
                .isEqualTo(precious.getMetadata().getResourceVersion());
        assertThat(kube.services().inNamespace("mydata").withName("nginx").get()).as("cleanup waited for the Service").isNull();

        CliRun again = ok("verify", "--ip", "127.0.0.241", "--timeout", "2m");
        assertThat(again.out()).contains("127.0.0.241");

        kube.services().inNamespace("mydata").resource(new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata()
                .withName("nginx").endMetadata().withNewSpec().addNewPort().withPort(80).endPort().endSpec().build()).create();
        String theirs = kube.services().inNamespace("mydata").withName("nginx").get().getMetadata().getResourceVersion();
        CliRun clash = run("verify", "--namespace", "mydata");
        assertThat(clash.exitCode()).as(clash.toString()).isEqualTo(1);
        assertThat(clash.out()).contains("Service mydata/nginx already exists and verify did not create it");
        assertThat(kube.services().inNamespace("mydata").withName("nginx").get().getMetadata().getResourceVersion()).isEqualTo(theirs);
    }

    @Test
    void aPoolOfTheUsersWithTheSameNameIsRefusedAndTakenOverOnlyWithAdopt() {
        installLbctl("--pool", POOL);
        String shared = rv(createMetalLb("IPAddressPool", "shared", Map.of("addresses", List.of("127.0.0.96/29"), "autoAssign", false)));

        CliRun clash = run("install", "--manifests", TestEnv.manifests(), "--pool", POOL, "--pool", "shared=127.0.0.200/29");
        assertThat(clash.exitCode()).as(clash.toString()).isEqualTo(1);
        assertThat(clash.err()).contains("IPAddressPool metallb-system/shared exists and lbctl did not create it", "--adopt");
        assertThat(rv(metallbObject("IPAddressPool", "shared"))).isEqualTo(shared);

        CliRun adopt = ok("install", "--manifests", TestEnv.manifests(), "--pool", POOL, "--pool", "shared=127.0.0.200/29",
                "--adopt", "-o", "json");
        assertThat(adopt.out()).contains("\"adopted\": [\n    \"IPAddressPool metallb-system/shared\"");
        assertThat(metallbObject("IPAddressPool", "shared").getAdditionalProperties().get("spec").toString()).contains("127.0.0.200/29");
    }

    @Test
    void uninstallKeepsTheUsersPoolsAndWhatHoldsThemAndSaysHowToRemoveThem() {
        installLbctl("--pool", POOL);
        String theirs = rv(createMetalLb("IPAddressPool", "theirs", Map.of("addresses", List.of("127.0.0.96/29"))));
        String theirAd = rv(createMetalLb("L2Advertisement", "theirs", Map.of("ipAddressPools", List.of("theirs"))));
        String notes = kube.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName("notes")
                .endMetadata().addToData("k", "v").build()).create().getMetadata().getResourceVersion();

        CliRun plan = ok("uninstall", "--dry-run", "-o", "json");
        assertThat(plan.out()).contains("\"Deployment metallb-system/controller\"", "\"object\": \"Namespace metallb-system\"",
                "ConfigMap metallb-system/notes", "\"object\": \"CustomResourceDefinition ipaddresspools.metallb.io\"",
                "\"object\": \"CustomResourceDefinition l2advertisements.metallb.io\"");
        assertThat(kube.apps().deployments().inNamespace(NS).withName("controller").get()).as("dry run").isNotNull();

        CliRun uninstall = ok("uninstall", "--yes");
        assertThat(uninstall.out()).contains("kept Namespace metallb-system", "kubectl delete namespace metallb-system");
        assertThat(rv(metallbObject("IPAddressPool", "theirs"))).isEqualTo(theirs);
        assertThat(rv(metallbObject("L2Advertisement", "theirs"))).isEqualTo(theirAd);
        assertThat(kube.configMaps().inNamespace(NS).withName("notes").get().getMetadata().getResourceVersion()).isEqualTo(notes);
        assertThat(metallbObject("IPAddressPool", "default")).as("lbctl's own pool").isNull();
        assertThat(kube.apps().deployments().inNamespace(NS).withName("controller").get()).isNull();
        assertThat(kube.rbac().clusterRoles().withName("metallb-system:controller").get()).isNull();
        assertThat(kube.configMaps().inNamespace(NS).withName("lbctl-inventory").get()).isNull();
        var bgpPeers = kube.apiextensions().v1().customResourceDefinitions().withName("bgppeers.metallb.io").get();
        assertThat(bgpPeers == null || bgpPeers.getMetadata().getDeletionTimestamp() != null).as("an empty CRD goes").isTrue();
        assertThat(kube.apiextensions().v1().customResourceDefinitions().withName("ipaddresspools.metallb.io").get()
                .getMetadata().getDeletionTimestamp()).isNull();
    }

    @Test
    void aMetalLbLbctlDidNotInstallIsRefusedThenOnlyGetsPoolsAndKeepsRunning() {
        TestEnv.testenv("apply-metallb");
        String controller = kube.apps().deployments().inNamespace(NS).withName("controller").get().getMetadata().getResourceVersion();

        CliRun refused = run("install", "--manifests", TestEnv.manifests(), "--pool", POOL);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("MetalLB is already installed here and lbctl did not install it", "--pools-only");

        CliRun pools = ok("install", "--pools-only", "--pool", POOL);
        assertThat(pools.out()).contains("MetalLB itself was left as it is");
        assertThat(metallbObject("IPAddressPool", "default")).isNotNull();

        CliRun uninstall = ok("uninstall", "--yes", "-o", "json");
        assertThat(uninstall.out()).contains("\"metallbKept\": true", "IPAddressPool metallb-system/default");
        assertThat(kube.apps().deployments().inNamespace(NS).withName("controller").get().getMetadata().getResourceVersion())
                .isEqualTo(controller);
        assertThat(kube.apiextensions().v1().customResourceDefinitions().withName("ipaddresspools.metallb.io").get()).isNotNull();
    }

    @Test
    void renamingAPoolReplacesItWithoutAGapAndARerunChangesNothing() {
        installLbctl("--pool", POOL);

        CliRun rename = installLbctl("--pool", "web=" + POOL, "-o", "json");
        assertThat(rename.out()).contains("\"configurationChanged\": true", "IPAddressPool metallb-system/default",
                "L2Advertisement metallb-system/default-l2");
        assertThat(metallbObject("IPAddressPool", "default")).isNull();
        assertThat(metallbObject("IPAddressPool", "web")).isNotNull();

        CliRun again = installLbctl("--pool", "web=" + POOL, "-o", "json");
        assertThat(again.out()).contains("\"configurationChanged\": false", "\"pruned\": []");
    }

    @Test
    void theUsersLegacyConfigMapComesBackByteForByte() {
        String text = """
                # the user's own pools; lbctl must give this back exactly
                address-pools:
                - name: theirs   # office LAN
                  protocol: layer2
                  addresses: [127.0.0.96/29]
                """;
        KubeFixtures.installLegacyByHand(kube, "v0.10.2", text);

        ok("install", "--metallb-version", "v0.10.2", "--pools-only", "--pool", POOL, "--skip-strictarp-check");
        assertThat(kube.configMaps().inNamespace(NS).withName("config").get().getData().get("config")).contains("theirs", "127.0.0.240");

        ok("uninstall", "--yes");
        var config = kube.configMaps().inNamespace(NS).withName("config").get();
        assertThat(config.getData().get("config")).isEqualTo(text);
        assertThat(config.getMetadata().getAnnotations()).doesNotContainKey("lbctl.dev/managed-pools");
        assertThat(kube.apps().deployments().inNamespace(NS).withName("controller").get()).as("MetalLB keeps running").isNotNull();
    }

    @Test
    void strictArpRevertUndoesOnlyItsOwnLine() {
        String original = KubeFixtures.resource("kubeproxy/kubeadm-ipvs-strictarp-false/config.conf");
        kube.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder().withNewMetadata().withName("kube-proxy")
                .endMetadata().addToData("config.conf", original).build()).create();
        ok("check-strictarp", "--fix", "--no-restart");
        String fixed = kube.configMaps().inNamespace("kube-system").withName("kube-proxy").get().getData().get("config.conf");
        String edited = fixed.replace("  scheduler: \"\"", "  scheduler: \"rr\"");
        assertThat(edited).isNotEqualTo(fixed);
        kube.configMaps().inNamespace("kube-system").withName("kube-proxy").edit(cm -> {
            cm.getData().put("config.conf", edited);
            return cm;
        });

        ok("check-strictarp", "--revert", "--no-restart");
        assertThat(kube.configMaps().inNamespace("kube-system").withName("kube-proxy").get().getData().get("config.conf"))
                .isEqualTo(edited.replace("strictARP: true", "strictARP: false"));

        ok("check-strictarp", "--fix", "--no-restart");
        kube.configMaps().inNamespace("kube-system").withName("kube-proxy").edit(cm -> {
            cm.getData().put("config.conf", cm.getData().get("config.conf").replace("strictARP: true", "strictARP: true # keep"));
            return cm;
        });
        String before = kube.configMaps().inNamespace("kube-system").withName("kube-proxy").get().getMetadata().getResourceVersion();
        CliRun refused = run("check-strictarp", "--revert", "--no-restart");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(3);
        assertThat(refused.err()).contains("was edited after lbctl's fix", "+  strictARP: true # keep");
        assertThat(kube.configMaps().inNamespace("kube-system").withName("kube-proxy").get().getMetadata().getResourceVersion())
                .isEqualTo(before);
    }
}
