package dev.lbctl.it;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * status against a real control plane. On the api tier nothing runs MetalLB. On the metallb tier, MetalLB v0.16.1's
 * own manifests are applied and its real controller (run out of cluster by scripts/testenv) assigns the addresses;
 * KWOK's fake nodes make the controller and speaker pods Ready, but no speaker process runs, so nothing announces and
 * the NODE column stays empty. The pool is on loopback (127.0.0.240-127.0.0.250).
 */
@Tag("cluster")
@Order(20) // api-tier classes first: a class only ever raises the tier (see TestEnv)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatusIT {

    private static final String METALLB_NS = "metallb-system";
    private static final String APP_NS = "lbctl-status-it";
    private static final String POOL = "lbctl-status-it";
    private static final ResourceDefinitionContext IP_ADDRESS_POOL = KubeFixtures.metallb("IPAddressPool");
    private static final ResourceDefinitionContext L2_ADVERTISEMENT = KubeFixtures.metallb("L2Advertisement");

    private static KubernetesClient kube;
    private static Path kubeconfig;
    /** Whether this class applied MetalLB (and so removes it again). */
    private static boolean appliedMetalLb;


    private static KubernetesClient kube(TestEnv.Tier tier) {
        Path config = TestEnv.up(tier);
        if (kube == null || !config.equals(kubeconfig)) {
            if (kube != null) {
                kube.close();
            }
            kubeconfig = config;
            kube = KubeFixtures.client(config);
        }
        return kube;
    }

    /**
     * Removes what the test created: its pool, L2Advertisement, Service and namespace, and MetalLB if this class
     * applied it, so that the next run starts without MetalLB again. The CRDs stay (apply-metallb re-applies them
     * idempotently): deleting CRDs seconds after creating them left one stuck in Terminating on kube-apiserver 1.36
     * ("could not list instances: storage is (re)initializing" in its CRD finalizer).
     */
    @AfterAll
    static void cleanUp() {
        if (kube == null) {
            return;
        }
        try {
            kube.services().inNamespace(APP_NS).withName("web").delete();
            kube.namespaces().withName(APP_NS).delete();
            if (kube.apiextensions().v1().customResourceDefinitions().withName("ipaddresspools.metallb.io").get() != null) {
                kube.genericKubernetesResources(L2_ADVERTISEMENT).inNamespace(METALLB_NS).withName(POOL).delete();
                kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(METALLB_NS).withName(POOL).delete();
            }
            if (appliedMetalLb) {
                kube.admissionRegistration().v1().validatingWebhookConfigurations().withName("metallb-webhook-configuration")
                        .delete();
                kube.namespaces().withName(METALLB_NS).delete();
                kube.namespaces().withName(METALLB_NS).waitUntilCondition(Objects::isNull, 3, TimeUnit.MINUTES);
            }
        } finally {
            kube.close();
        }
    }

    private static CliRun status(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--kubeconfig";
        all[1] = kubeconfig.toString();
        all[2] = "status";
        System.arraycopy(args, 0, all, 3, args.length);
        return lbctl(all);
    }

    /**
     * For a few seconds after MetalLB's CRDs are created (and again after each CRD update, such as the controller
     * injecting its CA), kube-apiserver answers lists of their resources with 429 "storage is (re)initializing".
     * lbctl does not retry (ClusterConnector sets no retry budget), so this waits for the API to settle, up to 30 s.
     */
    private static CliRun statusOnceSettled(String... args) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        CliRun run = status(args);
        while (run.exitCode() == 4 && run.err().contains("(429)") && System.nanoTime() < deadline) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            run = status(args);
        }
        return run;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(CliRun run) {
        return kube.getKubernetesSerialization().unmarshal(run.out(), Map.class);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    @Order(1)
    void withoutMetalLbStatusSaysNotInstalledAndExitsOne() {
        kube(TestEnv.Tier.api);
        assertThat(kube.apps().deployments().inNamespace(METALLB_NS).withName("controller").get())
                .as("precondition: nothing installed MetalLB on this control plane").isNull();

        CliRun json = status("-o", "json");
        assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
        Map<String, Object> metallb = map(json(json).get("metallb"));
        assertThat(metallb).containsEntry("installed", false).containsEntry("ready", false)
                .containsEntry("version", null).containsEntry("namespace", METALLB_NS).containsEntry("controller", null);
        assertThat(json.err()).doesNotContain("lbctl: error");

        CliRun table = status();
        assertThat(table.exitCode()).as(table.toString()).isEqualTo(1);
        assertThat(table.out()).as(table.toString()).contains("installed:         no");
    }

    /** MetalLB v0.16.1 assigns an address from a loopback pool; status shows the pool's usage and the Service. */
    @SuppressWarnings("unchecked")
    @Test
    @Order(2)
    void withMetalLbStatusShowsThePoolUsageAndTheServicesAddress() {
        kube(TestEnv.Tier.metallb);
        if (kube.apps().deployments().inNamespace(METALLB_NS).withName("controller").get() == null) {
            TestEnv.testenv("apply-metallb");
            appliedMetalLb = true;
        }
        kube.apps().deployments().inNamespace(METALLB_NS).withName("controller").waitUntilCondition(d -> d != null
                && d.getStatus() != null && Integer.valueOf(1).equals(d.getStatus().getReadyReplicas()), 3, TimeUnit.MINUTES);
        kube.apps().daemonSets().inNamespace(METALLB_NS).withName("speaker").waitUntilCondition(d -> d != null
                && d.getStatus() != null && d.getStatus().getDesiredNumberScheduled() != null
                && d.getStatus().getDesiredNumberScheduled() > 0
                && d.getStatus().getDesiredNumberScheduled().equals(d.getStatus().getNumberReady()), 3, TimeUnit.MINUTES);

        kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(METALLB_NS).resource(metallbObject("IPAddressPool",
                Map.of("addresses", List.of("127.0.0.240-127.0.0.250")))).create();
        kube.genericKubernetesResources(L2_ADVERTISEMENT).inNamespace(METALLB_NS).resource(metallbObject("L2Advertisement",
                Map.of("ipAddressPools", List.of(POOL)))).create();
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(APP_NS).endMetadata().build()).serverSideApply();
        kube.services().inNamespace(APP_NS).resource(new ServiceBuilder()
                .withNewMetadata().withName("web").withNamespace(APP_NS).endMetadata()
                .withNewSpec().withType("LoadBalancer").addNewPort().withPort(80).withProtocol("TCP").endPort().endSpec()
                .build()).create();
        Service web = kube.services().inNamespace(APP_NS).withName("web").waitUntilCondition(s -> s != null
                && s.getStatus() != null && s.getStatus().getLoadBalancer() != null
                && s.getStatus().getLoadBalancer().getIngress() != null
                && !s.getStatus().getLoadBalancer().getIngress().isEmpty(), 2, TimeUnit.MINUTES);
        String ip = web.getStatus().getLoadBalancer().getIngress().get(0).getIp();
        assertThat(ip).startsWith("127.0.0.2");

        CliRun run = statusOnceSettled("-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Map<String, Object> doc = json(run);
        assertThat(map(doc.get("metallb"))).as(run.toString())
                .containsEntry("installed", true).containsEntry("ready", true).containsEntry("version", "v0.16.1")
                .containsEntry("namespace", METALLB_NS).containsEntry("configStyle", "crd")
                .containsEntry("webhookEndpoints", true);
        List<Map<String, Object>> pools = ((List<Object>) doc.get("pools")).stream().map(StatusIT::map).toList();
        assertThat(pools).as(run.toString()).filteredOn(p -> POOL.equals(p.get("name"))).singleElement()
                .satisfies(p -> assertThat(p).containsEntry("assigned", 1).containsEntry("total", "11")
                        .containsEntry("addresses", List.of("127.0.0.240-127.0.0.250")));
        List<Map<String, Object>> services = ((List<Object>) doc.get("services")).stream().map(StatusIT::map).toList();
        assertThat(services).as(run.toString()).filteredOn(s -> APP_NS.equals(s.get("namespace"))).singleElement()
                .satisfies(s -> assertThat(s).containsEntry("name", "web").containsEntry("ips", List.of(ip))
                        .containsEntry("pool", POOL).containsEntry("status", "assigned").containsEntry("reason", null));

        CliRun table = statusOnceSettled();
        assertThat(table.exitCode()).as(table.toString()).isZero();
        assertThat(table.out()).as(table.toString())
                .contains("installed:         yes, v0.16.1 in namespace metallb-system")
                .containsPattern("(?m)^" + POOL + " +127\\.0\\.0\\.240-127\\.0\\.0\\.250 +1 +11$")
                .containsPattern("(?m)^" + APP_NS + " +web +" + ip.replace(".", "\\.") + " +" + POOL + " +.+ +assigned$");
    }

    private static GenericKubernetesResource metallbObject(String kind, Map<String, Object> spec) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        r.setApiVersion("metallb.io/v1beta1");
        r.setKind(kind);
        r.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(POOL).withNamespace(METALLB_NS).build());
        r.setAdditionalProperty("spec", spec);
        return r;
    }
}
