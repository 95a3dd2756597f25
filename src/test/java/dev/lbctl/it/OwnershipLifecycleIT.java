package dev.lbctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of install (varying pools and names), verify, the user's own creations and edits, and uninstall,
 * on the metallb tier. After every step, each object the user made is exactly as the user last left it; after the final
 * uninstall, what is left in MetalLB's namespace and of MetalLB's kinds is exactly the user's. Seeds:
 * {@code -Dlbctl.lifecycle.seeds=N} (default 2), each printed so a failure can be replayed.
 */
@Tag("cluster")
@Order(37)
class OwnershipLifecycleIT {

    private static final String NS = "metallb-system";
    private static final String USER_NS = "userns";
    private static final List<String> LBCTL_POOL_NAMES = List.of("default", "a", "web", "lan");
    private static final int STEPS = 8;

    private static Path kubeconfig;
    private static KubernetesClient kube;

    /** What the user made: a description → its user-owned state (see {@link KubeFixtures#userView}). */
    private final Map<String, Runnable> checks = new LinkedHashMap<>();
    private final Map<String, String> expected = new LinkedHashMap<>();
    private final Set<String> userObjectsInNamespace = new TreeSet<>();
    private final List<String> log = new ArrayList<>();
    private int created;
    private boolean installed;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.metallb);
        kube = KubeFixtures.client(kubeconfig);
    }

    @AfterAll
    static void closeClient() {
        kube.namespaces().withName(USER_NS).delete();
        KubeFixtures.removeMetalLb(kube);
        kube.close();
    }

    static List<Long> seeds() {
        int n = Integer.getInteger("lbctl.lifecycle.seeds", 2);
        List<Long> seeds = new ArrayList<>();
        for (long s = 1; s <= n; s++) {
            seeds.add(s * 7919);
        }
        return seeds;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void nothingTheUserMadeIsEverChangedAndTheFinalUninstallLeavesExactlyIt(long seed) {
        KubeFixtures.removeMetalLb(kube);
        kube.namespaces().withName(USER_NS).delete();
        kube.namespaces().withName(USER_NS).waitUntilCondition(n -> n == null, 1, java.util.concurrent.TimeUnit.MINUTES);
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(USER_NS).endMetadata().build()).create();
        Random random = new Random(seed);
        install(random);
        for (int step = 0; step < STEPS; step++) {
            switch (random.nextInt(6)) {
                case 0, 1 -> install(random);
                case 2 -> verify();
                case 3 -> userCreates(random);
                case 4 -> userEdits(random);
                default -> uninstall();
            }
            assertUserObjectsUntouched(seed);
        }
        uninstall();
        assertUserObjectsUntouched(seed);
        assertOnlyTheUsersObjectsRemain(seed);
    }

    private void install(Random random) {
        List<String> args = new ArrayList<>(List.of("install", "--manifests", TestEnv.manifests(), "--timeout", "3m"));
        List<String> names = new ArrayList<>(LBCTL_POOL_NAMES);
        java.util.Collections.shuffle(names, random);
        List<Integer> blocks = new ArrayList<>(List.of(0, 1, 2, 3));
        java.util.Collections.shuffle(blocks, random);
        int pools = 1 + random.nextInt(2);
        for (int i = 0; i < pools; i++) {
            // lbctl's pools come from 127.0.0.192/27 in /29 blocks; the user's from 127.0.0.64/27, so they never overlap.
            args.add("--pool");
            args.add(names.get(i) + "=127.0.0." + (192 + 8 * blocks.get(i)) + "/29");
        }
        expectOk(args.toArray(String[]::new));
        installed = true;
    }

    private void verify() {
        if (installed) {
            expectOk("verify", "--timeout", "2m");
        }
    }

    private void uninstall() {
        expectOk("uninstall", "--yes");
        installed = false;
    }

    private void userCreates(Random random) {
        int n = ++created;
        boolean metallbServed = kube.apiextensions().v1().customResourceDefinitions().withName("ipaddresspools.metallb.io").get() != null;
        boolean namespaceExists = kube.namespaces().withName(NS).get() != null;
        int choice = random.nextInt(3);
        if (choice == 0 && metallbServed && namespaceExists && n <= 4) {
            String name = "user-" + n;
            KubeFixtures.createMetalLb(kube, "IPAddressPool", name, Map.of("addresses", List.of("127.0.0." + (64 + 8 * (n - 1)) + "/29"),
                    "autoAssign", false));
            track("IPAddressPool " + name, () -> KubeFixtures.userView(KubeFixtures.metallbObject(kube, "IPAddressPool", name)));
            userObjectsInNamespace.add("IPAddressPool/" + name);
        } else if (choice == 1 && namespaceExists) {
            String name = "user-notes-" + n;
            kube.configMaps().inNamespace(NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                    .addToData("n", String.valueOf(n)).build()).create();
            track("ConfigMap " + NS + "/" + name, () -> configMap(NS, name));
            userObjectsInNamespace.add("ConfigMap/" + name);
        } else {
            String name = "user-data-" + n;
            kube.configMaps().inNamespace(USER_NS).resource(new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata()
                    .addToData("n", String.valueOf(n)).build()).create();
            track("ConfigMap " + USER_NS + "/" + name, () -> configMap(USER_NS, name));
        }
    }

    private void userEdits(Random random) {
        List<String> configMaps = expected.keySet().stream().filter(k -> k.startsWith("ConfigMap ")).toList();
        if (configMaps.isEmpty()) {
            return;
        }
        String what = configMaps.get(random.nextInt(configMaps.size()));
        String[] nsName = what.substring("ConfigMap ".length()).split("/");
        kube.configMaps().inNamespace(nsName[0]).withName(nsName[1]).edit(cm -> {
            cm.getData().put("edited", String.valueOf(random.nextInt(1000)));
            return cm;
        });
        log.add("user edits " + what);
        expected.put(what, configMap(nsName[0], nsName[1]));
    }

    private void track(String what, java.util.function.Supplier<String> state) {
        log.add("user creates " + what);
        expected.put(what, state.get());
        checks.put(what, () -> assertThat(state.get()).as(what + " after " + log).isEqualTo(expected.get(what)));
    }

    private static String configMap(String namespace, String name) {
        var cm = kube.configMaps().inNamespace(namespace).withName(name).get();
        return cm == null ? null : cm.getMetadata().getResourceVersion() + " " + cm.getData();
    }

    private void expectOk(String... args) {
        CliRun run = CliRun.lbctlOn(kubeconfig, args);
        log.add("lbctl " + String.join(" ", args).replace(TestEnv.manifests(), "DIR"));
        assertThat(run.exitCode()).as(log + "\n" + run).isZero();
    }

    private void assertUserObjectsUntouched(long seed) {
        checks.values().forEach(Runnable::run);
    }

    /** MetalLB's namespace holds only the user's objects now (or is gone, when it held none), and so do MetalLB's kinds. */
    private void assertOnlyTheUsersObjectsRemain(long seed) {
        if (kube.namespaces().withName(NS).get() == null) {
            assertThat(userObjectsInNamespace).as("seed " + seed + ": " + log).isEmpty();
            return;
        }
        Set<String> left = new TreeSet<>();
        kube.configMaps().inNamespace(NS).list().getItems().stream().map(c -> "ConfigMap/" + c.getMetadata().getName())
                .filter(n -> !n.equals("ConfigMap/kube-root-ca.crt")).forEach(left::add);
        kube.apps().deployments().inNamespace(NS).list().getItems().forEach(d -> left.add("Deployment/" + d.getMetadata().getName()));
        kube.apps().daemonSets().inNamespace(NS).list().getItems().forEach(d -> left.add("DaemonSet/" + d.getMetadata().getName()));
        kube.services().inNamespace(NS).list().getItems().forEach(d -> left.add("Service/" + d.getMetadata().getName()));
        kube.secrets().inNamespace(NS).list().getItems().stream().map(d -> "Secret/" + d.getMetadata().getName())
                .filter(n -> !n.equals("Secret/memberlist")).forEach(left::add);
        if (kube.apiextensions().v1().customResourceDefinitions().withName("ipaddresspools.metallb.io").get() != null) {
            kube.genericKubernetesResources(KubeFixtures.metallb("IPAddressPool")).inNamespace(NS).list().getItems().stream()
                    .map(GenericKubernetesResource::getMetadata).forEach(m -> left.add("IPAddressPool/" + m.getName()));
        }
        assertThat(left).as("seed " + seed + ": " + log).isEqualTo(userObjectsInNamespace);
        assertThat(kube.rbac().clusterRoles().list().getItems().stream().map(r -> r.getMetadata().getName())
                .filter(n -> n.startsWith("metallb-system:")).collect(Collectors.toList())).as("lbctl's cluster roles").isEmpty();
    }
}
