package dev.lbctl.it;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * config migrate reading the legacy ConfigMap from a real kube-apiserver (the api tier of scripts/testenv). Only
 * objects are needed, no controllers: the Deployment that names the ConfigMap never runs a pod.
 */
@Tag("cluster")
@Order(12) // api-tier classes first: a class only ever raises the tier (see TestEnv)
class ConfigMigrateIT {

    private static final String NS = "metallb-system";
    private static final String HELM_CONTROLLER = "metallb-controller";

    private static Path kubeconfig;
    private static KubernetesClient kube;
    private static boolean createdNamespace;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.api);
        kube = KubeFixtures.client(kubeconfig);
        if (kube.namespaces().withName(NS).get() == null) {
            kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
            createdNamespace = true;
        }
    }

    /** Other tests expect no metallb-system when they start: leave it as found. */
    @AfterAll
    static void removeNamespaceAndCloseClient() {
        try {
            if (createdNamespace) {
                KubeFixtures.deleteNamespaceWithoutController(kube, NS);
            }
        } finally {
            kube.close();
        }
    }

    @AfterEach
    void removeWhatTheTestCreated() {
        for (String name : List.of("config", "metallb")) {
            kube.configMaps().inNamespace(NS).withName(name).delete();
        }
        kube.apps().deployments().inNamespace(NS).withName(HELM_CONTROLLER).delete();
    }

    private static CliRun migrate(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "--kubeconfig";
        all[1] = kubeconfig.toString();
        all[2] = "config";
        all[3] = "migrate";
        System.arraycopy(args, 0, all, 4, args.length);
        return lbctl(all);
    }

    private static void createConfigMap(String name, String configText) {
        kube.configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                .withNewMetadata().withName(name).withNamespace(NS).endMetadata()
                .withData(Map.of("config", configText))
                .build()).create();
    }

    /** The config text of a fixture's ConfigMap manifest. */
    @SuppressWarnings("unchecked")
    private static String fixtureConfigText(String name) {
        Map<String, Object> cm = new Yaml().load(KubeFixtures.resource("migrate/" + name + "/config.yaml"));
        return ((Map<String, String>) cm.get("data")).get("config");
    }

    @Test
    void theArticleConfigMapConvertsToAPoolAndAnL2Advertisement() throws IOException {
        Path example = TestEnv.shared().resolve("metallb/v0.10.2/example-layer2-config.yaml");
        try (InputStream in = Files.newInputStream(example)) {
            ConfigMap upstream = kube.configMaps().load(in).item();
            kube.configMaps().inNamespace(NS).resource(upstream).create();
        }
        CliRun run = migrate();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString()).isEqualTo(KubeFixtures.resource("migrate/article-layer2/expected.yaml"));
        assertThat(run.err()).as(run.toString()).contains("Reading ConfigMap metallb-system/config");
    }

    @Test
    void aHelmInstallNamesItsConfigMapWithTheControllersConfigFlag() {
        kube.apps().deployments().inNamespace(NS).resource(new DeploymentBuilder()
                .withNewMetadata().withName(HELM_CONTROLLER).withNamespace(NS)
                    .withLabels(Map.of("app.kubernetes.io/name", "metallb", "app.kubernetes.io/component", "controller"))
                .endMetadata()
                .withNewSpec()
                    .withNewSelector().withMatchLabels(Map.of("app.kubernetes.io/component", "controller")).endSelector()
                    .withNewTemplate()
                        .withNewMetadata().withLabels(Map.of("app.kubernetes.io/component", "controller")).endMetadata()
                        .withNewSpec().addNewContainer().withName("controller").withImage("quay.io/metallb/controller:v0.12.1")
                            .withArgs("--port=7472", "--config=metallb").endContainer().endSpec()
                    .endTemplate()
                .endSpec()
                .build()).create();
        createConfigMap("metallb", fixtureConfigText("bgp-advertisements-communities"));
        // A decoy under the default name: the flag, not the default, decides.
        createConfigMap("config", fixtureConfigText("several-pools"));

        CliRun run = migrate();
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).as(run.toString())
                .isEqualTo(KubeFixtures.resource("migrate/bgp-advertisements-communities/expected.yaml"));

        CliRun json = migrate("-o", "json");
        assertThat(json.exitCode()).as(json.toString()).isZero();
        assertThat(json.out()).as(json.toString()).contains("\"kind\": \"List\"", "\"name\": \"communities\"");
    }

    @Test
    void withoutALegacyConfigMapThereIsNothingToMigrate() {
        CliRun run = migrate();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).as(run.toString())
                .contains("lbctl: error: no legacy MetalLB ConfigMap metallb-system/config: nothing to migrate.");
    }

    @Test
    void anInvalidConfigInTheClusterIsRefusedNamingTheConfigMap() {
        createConfigMap("config", "address-pools:\n- name: a\n  protocol: layer3\n  addresses: [192.168.1.0/28]\n");
        CliRun run = migrate();
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).as(run.toString())
                .contains("the legacy configuration in ConfigMap metallb-system/config (data.config) is not valid", "layer3");
    }
}
