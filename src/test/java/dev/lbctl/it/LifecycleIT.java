package dev.lbctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole recipe on the metallb tier of scripts/testenv: the article's release v0.10.2 (ConfigMap, rollouts of
 * KWOK-backed pods) installed and uninstalled, then v0.16.1 installed with a loopback pool, verified end to end
 * against MetalLB's real controller, and uninstalled. The HTTP answer comes from testenv's data-plane stand-in (no
 * speaker or kube-proxy runs here), which serves the nginx welcome page on every assigned loopback IP.
 */
@Tag("cluster")
@Order(30) // api-tier classes first: a class only ever raises the tier (see TestEnv)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LifecycleIT {

    private static final String NS = "metallb-system";
    private static final String POOL = "127.0.0.240-127.0.0.250";
    private static final ResourceDefinitionContext IP_ADDRESS_POOL = new ResourceDefinitionContext.Builder()
            .withGroup("metallb.io").withVersion("v1beta1").withKind("IPAddressPool").withPlural("ipaddresspools")
            .withNamespaced(true).build();

    private static final String USER_NS = "lifecycle-user";

    private static Path kubeconfig;
    private static KubernetesClient kube;
    private static String userData;

    @TempDir
    static Path dir;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.metallb);
        kube = KubeFixtures.client(kubeconfig);
        KubeFixtures.removeMetalLb(kube); // what earlier classes applied by hand is not lbctl's, and would be refused
        // The user's own objects, created before lbctl writes anything and checked after every test.
        kube.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
                .withName(USER_NS).endMetadata().build()).createOr(n -> n.update());
        kube.configMaps().inNamespace(USER_NS).withName("keep-me").delete();
        kube.configMaps().inNamespace(USER_NS).withName("keep-me").waitUntilCondition(c -> c == null, 30,
                java.util.concurrent.TimeUnit.SECONDS);
        userData = kube.configMaps().inNamespace(USER_NS).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("keep-me").endMetadata().addToData("a", "1").build()).create()
                .getMetadata().getResourceVersion();
    }

    @org.junit.jupiter.api.AfterEach
    void userDataIsIntact() {
        var cm = kube.configMaps().inNamespace(USER_NS).withName("keep-me").get();
        assertThat(cm).as("the user's ConfigMap").isNotNull();
        assertThat(cm.getMetadata().getResourceVersion()).as("nobody wrote the user's ConfigMap").isEqualTo(userData);
    }

    @AfterAll
    static void closeClient() {
        kube.namespaces().withName(USER_NS).delete();
        kube.close();
    }

    private static CliRun run(String... args) {
        return CliRun.lbctlOn(kubeconfig, args);
    }

    private static String manifests() {
        return TestEnv.manifests();
    }

    /** The fix restarts kube-proxy's DaemonSet and waits until its (KWOK-run) pods rolled over. */
    @Test
    @Order(0)
    void strictArpFixRestartsKubeProxyAndWaitsForTheRollout() {
        kube.configMaps().inNamespace("kube-system").resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("kube-proxy").withNamespace("kube-system").endMetadata()
                .withData(java.util.Map.of("config.conf", KubeFixtures.resource("kubeproxy/kubeadm-ipvs-strictarp-false/config.conf")))
                .build()).create();
        kube.apps().daemonSets().inNamespace("kube-system").resource(new io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder()
                .withNewMetadata().withName("kube-proxy").withNamespace("kube-system").endMetadata()
                .withNewSpec().withNewSelector().addToMatchLabels("k8s-app", "kube-proxy").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("k8s-app", "kube-proxy").endMetadata()
                .withNewSpec().addNewContainer().withName("kube-proxy").withImage("registry.k8s.io/kube-proxy:v1.36.3")
                .endContainer().endSpec().endTemplate().endSpec().build()).create();
        try {
            CliRun fix = run("check-strictarp", "--fix", "--timeout", "2m");
            assertThat(fix.exitCode()).as(fix.toString()).isZero();
            assertThat(fix.err()).as(fix.toString()).contains("Restarting DaemonSet kube-system/kube-proxy",
                    "Waiting for the kube-proxy rollout");
            assertThat(fix.out()).contains("fixed: ipvs.strictARP is now true and kube-proxy was restarted");
            var ds = kube.apps().daemonSets().inNamespace("kube-system").withName("kube-proxy").get();
            assertThat(ds.getSpec().getTemplate().getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/restartedAt");
            assertThat(ds.getStatus().getUpdatedNumberScheduled()).isEqualTo(ds.getStatus().getDesiredNumberScheduled()).isPositive();
        } finally {
            kube.apps().daemonSets().inNamespace("kube-system").withName("kube-proxy").delete();
            kube.configMaps().inNamespace("kube-system").withName("kube-proxy").delete();
        }
    }

    @Test
    @Order(1)
    void articleReleaseInstallsRollsOutAndUninstalls() {
        CliRun install = run("install", "--metallb-version", "v0.10.2", "--manifests", manifests(), "--pool", POOL,
                "--timeout", "3m");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.err()).as(install.toString()).contains("Waiting for Deployment metallb-system/controller",
                "Waiting for DaemonSet metallb-system/speaker");
        assertThat(kube.configMaps().inNamespace(NS).withName("config").get().getData().get("config")).contains(POOL);

        CliRun status = run("status", "-o", "json");
        assertThat(status.exitCode()).as(status.toString()).isZero();
        assertThat(status.out()).contains("\"version\": \"v0.10.2\"", "\"configStyle\": \"configmap\"");

        CliRun uninstall = run("uninstall", "--yes");
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        assertThat(kube.namespaces().withName(NS).get()).isNull();
        assertThat(kube.rbac().clusterRoles().withName("metallb-system:controller").get()).isNull();
    }

    @Test
    @Order(2)
    void latestReleaseInstallsThroughTheWebhookAndIsIdempotent() {
        CliRun install = run("install", "--manifests", manifests(), "--pool", POOL, "--timeout", "4m");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        assertThat(install.out()).contains("The first LoadBalancer Service will get 127.0.0.240");
        GenericKubernetesResource pool = kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(NS).withName("default").get();
        assertThat(pool).isNotNull();

        CliRun again = run("install", "--manifests", manifests(), "--pool", POOL);
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(NS).withName("default").get()
                .getMetadata().getResourceVersion()).isEqualTo(pool.getMetadata().getResourceVersion());
    }

    @Test
    @Order(3)
    void verifyPassesEndToEndAndWritesJUnit() throws IOException {
        Path report = dir.resolve("verify.xml");
        CliRun verify = run("verify", "--junit", report.toString(), "--timeout", "2m");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).as(verify.toString()).contains("127.0.0.240", "service/nginx", "verified: 10 of 10 checks passed");
        // The stand-in answers on this machine's loopback: no neighbour entry, so which node answered is information.
        assertThat(verify.out()).as(verify.toString())
                .contains("information: this machine has no neighbour entry for 127.0.0.240");
        String xml = Files.readString(report);
        assertThat(xml).contains("tests=\"10\" failures=\"0\"", "HTTP GET returns the nginx welcome page",
                "the answering node is MetalLB&apos;s");
        assertThat(kube.namespaces().withLabel("lbctl.dev/verify", "true").list().getItems())
                .allMatch(ns -> ns.getMetadata().getDeletionTimestamp() != null);
    }

    @Test
    @Order(4)
    void verifyWithARequestedIpInsideThePool() {
        CliRun verify = run("verify", "--ip", "127.0.0.245", "-o", "json", "--timeout", "2m");
        assertThat(verify.exitCode()).as(verify.toString()).isZero();
        assertThat(verify.out()).contains("\"ip\": \"127.0.0.245\"", "\"passed\": true");
    }

    @Test
    @Order(5)
    void verifyWithAnIpOutsideThePoolFailsAtOnceAndCreatesNothing() {
        CliRun verify = run("verify", "--ip", "127.0.0.100", "--namespace", "lbctl-verify-outside");
        assertThat(verify.exitCode()).as(verify.toString()).isEqualTo(1);
        assertThat(verify.out()).as(verify.toString())
                .contains("[\"127.0.0.100\"] is not allowed in config", "default " + POOL);
        assertThat(kube.namespaces().withName("lbctl-verify-outside").get()).isNull();
    }

    @Test
    @Order(6)
    void uninstallRemovesPoolsNamespaceAndCrds() {
        CliRun uninstall = run("uninstall", "--yes", "--timeout", "2m");
        assertThat(uninstall.exitCode()).as(uninstall.toString()).isZero();
        assertThat(kube.namespaces().withName(NS).get()).isNull();
        var crd = kube.apiextensions().v1().customResourceDefinitions().withName("ipaddresspools.metallb.io").get();
        assertThat(crd == null || crd.getMetadata().getDeletionTimestamp() != null).as("CRD deleted").isTrue();
    }
}
