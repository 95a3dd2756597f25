package dev.lbctl.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterAccessException;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.report.Progress;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding MetalLB's ConfigMap from the controller's --config flag, against a map-backed cluster. */
class ClusterLegacyConfigTest {

    private final List<String> warnings = new ArrayList<>();

    private static Map<String, Object> deployment(String name, Map<String, String> labels, List<String> args) {
        Map<String, Object> container = new HashMap<>();
        container.put("name", "controller");
        container.put("args", args);
        return Map.of(
                "metadata", Map.of("name", name, "namespace", "metallb-system", "labels", labels),
                "spec", Map.of("template", Map.of("spec", Map.of("containers", List.of(container)))));
    }

    /** The v0.12.1 manifests: Deployment controller, {@code --port=7472 --config=config}. */
    private static final Map<String, Object> MANIFEST_CONTROLLER = deployment("controller",
            Map.of("app", "metallb", "component", "controller"), List.of("--port=7472", "--config=config"));
    /** The v0.12 Helm chart with release name metallb. */
    private static final Map<String, Object> HELM_CONTROLLER = deployment("metallb-controller",
            Map.of("app.kubernetes.io/component", "controller"), List.of("--port=7472", "--config=metallb"));
    /** v0.13 and later have no --config flag. */
    private static final Map<String, Object> CRD_CONTROLLER = deployment("controller",
            Map.of("component", "controller"), List.of("--port=7472", "--log-level=info"));

    @Test
    void theManifestsNameConfig() {
        assertThat(ClusterLegacyConfig.fromDeployments(List.of(MANIFEST_CONTROLLER), warnings::add))
                .isEqualTo(new ClusterLegacyConfig.ConfigMapName("config", "controller"));
        assertThat(warnings).isEmpty();
    }

    @Test
    void helmNamesItsFullName() {
        assertThat(ClusterLegacyConfig.fromDeployments(List.of(HELM_CONTROLLER), warnings::add))
                .isEqualTo(new ClusterLegacyConfig.ConfigMapName("metallb", "metallb-controller"));
    }

    @Test
    void withoutAConfigFlagTheDefaultIsConfig() {
        assertThat(ClusterLegacyConfig.fromDeployments(List.of(CRD_CONTROLLER), warnings::add))
                .isEqualTo(new ClusterLegacyConfig.ConfigMapName("config", null));
        assertThat(ClusterLegacyConfig.fromDeployments(List.of(), warnings::add).name()).isEqualTo("config");
    }

    @Test
    void goFlagSyntaxWithASingleDashAndASeparateValue() {
        Map<String, Object> d = deployment("controller", Map.of(), List.of("-config", "custom", "-port=7472"));
        assertThat(ClusterLegacyConfig.fromDeployments(List.of(d), warnings::add).name()).isEqualTo("custom");
    }

    @Test
    void aFlaglessControllerDoesNotHideTheHelmOne() {
        assertThat(ClusterLegacyConfig.fromDeployments(List.of(CRD_CONTROLLER, HELM_CONTROLLER), warnings::add).name())
                .isEqualTo("metallb");
    }

    @Test
    void disagreeingDeploymentsAreReportedAndTheControllerWins() {
        Map<String, Object> other = deployment("something-else", Map.of(), List.of("--config=other"));
        assertThat(ClusterLegacyConfig.fromDeployments(List.of(other, MANIFEST_CONTROLLER), warnings::add).name())
                .isEqualTo("config");
        assertThat(warnings).singleElement().asString()
                .contains("something-else: other", "controller: config", "using config from controller");
    }

    @Test
    void readsTheNamedConfigMap() {
        Cluster cluster = fakeCluster(List.of(HELM_CONTROLLER), Map.of("metallb", Map.of("config", "address-pools: []\n")));
        ClusterLegacyConfig.LegacyText text = ClusterLegacyConfig.read(cluster, Progress.silent());
        assertThat(text.text()).isEqualTo("address-pools: []\n");
        assertThat(text.source()).isEqualTo("ConfigMap metallb-system/metallb (data.config)");
    }

    @Test
    void aMissingConfigMapIsNothingToMigrate() {
        Cluster cluster = fakeCluster(List.of(), Map.of());
        assertThatThrownBy(() -> ClusterLegacyConfig.read(cluster, Progress.silent()))
                .isInstanceOf(NothingToMigrateException.class)
                .hasMessage("no legacy MetalLB ConfigMap metallb-system/config: nothing to migrate");
    }

    @Test
    void aMissingHelmConfigMapSaysWhichDeploymentNamedIt() {
        Cluster cluster = fakeCluster(List.of(HELM_CONTROLLER), Map.of("config", Map.of("config", "peers: []\n")));
        assertThatThrownBy(() -> ClusterLegacyConfig.read(cluster, Progress.silent()))
                .isInstanceOf(NothingToMigrateException.class)
                .hasMessage("no legacy MetalLB ConfigMap metallb-system/metallb (named by --config of Deployment"
                        + " metallb-system/metallb-controller): nothing to migrate");
    }

    @Test
    void aConfigMapWithoutTheConfigKeyIsNothingToMigrate() {
        Cluster cluster = fakeCluster(List.of(), Map.of("config", Map.of("other", "x")));
        assertThatThrownBy(() -> ClusterLegacyConfig.read(cluster, Progress.silent()))
                .isInstanceOf(NothingToMigrateException.class)
                .hasMessageContaining("ConfigMap metallb-system/config has no config key");
    }

    @Test
    void deploymentsThatCannotBeListedFallBackToTheDefaultWithAWarning() {
        Cluster cluster = (Cluster) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Cluster.class},
                (proxy, method, args) -> {
                    throw new ClusterAccessException("forbidden: cannot list deployments");
                });
        assertThat(ClusterLegacyConfig.locate(cluster, warnings::add).name()).isEqualTo("config");
        assertThat(warnings).singleElement().asString().contains("forbidden", "assuming ConfigMap config");
    }

    /** Answers list(Deployment) and configMap() from maps; anything else is a test error. */
    private static Cluster fakeCluster(List<Map<String, Object>> deployments, Map<String, Map<String, String>> configMaps) {
        return (Cluster) Proxy.newProxyInstance(ClusterLegacyConfigTest.class.getClassLoader(), new Class<?>[] {Cluster.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "list" -> {
                        assertThat(args).containsExactly("apps/v1", "Deployment", "metallb-system");
                        yield deployments;
                    }
                    case "configMap" -> {
                        assertThat(args[0]).isEqualTo("metallb-system");
                        Map<String, String> data = configMaps.get((String) args[1]);
                        yield Optional.ofNullable(data).map(d -> new ConfigMapSnapshot("metallb-system", (String) args[1], d,
                                Map.of(), "1"));
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
