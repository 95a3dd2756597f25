package dev.lbctl.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.Problem;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Progress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/** Each fixture converts to exactly its hand-written expected.yaml, which MetalLB v0.16.1's rules accept. */
class ConfigMigrationFixturesTest {

    static java.util.stream.Stream<String> cases() throws java.io.IOException {
        return MigrationFixtures.cases();
    }

    private static String convert(Path file, ConfigMigration.Format format) {
        MetalLbConfig config = ConfigFiles.read(List.of(file));
        return ConfigMigration.run(config, file.toString(), format, Progress.silent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void convertsToExactlyTheExpectedDocuments(String name) {
        assertThat(convert(MigrationFixtures.config(name), ConfigMigration.Format.YAML))
                .isEqualTo(MigrationFixtures.expected(name));
    }

    static java.util.stream.Stream<String> allExpectations() throws java.io.IOException {
        return java.util.stream.Stream.concat(MigrationFixtures.cases(), java.util.stream.Stream.of("article-layer2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allExpectations")
    void expectedDocumentsAreValidCustomResourcesForTheLatestRelease(String name) {
        MetalLbConfig resources = ConfigFiles.read(MigrationFixtures.expected(name), name + "/expected.yaml");
        assertThat(resources.style()).isEqualTo(ConfigStyle.CRD);
        List<Problem> errors = ConfigValidator.validate(resources, MetalLbVersion.LATEST, name.equals("article-layer2")
                ? ConfigValidator.BgpMode.NATIVE : MigrationFixtures.mode(name))
                .stream().filter(Problem::isError).toList();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void jsonListHoldsTheSameObjectsAsTheYamlDocuments(String name) {
        Yaml yaml = new Yaml();
        List<Object> documents = new java.util.ArrayList<>();
        yaml.loadAll(MigrationFixtures.expected(name)).forEach(documents::add);
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> list = yaml.load(convert(MigrationFixtures.config(name), ConfigMigration.Format.JSON));
        assertThat(list).containsEntry("apiVersion", "v1").containsEntry("kind", "List");
        assertThat(list.get("items")).isEqualTo(documents);
    }

    /** The article's ConfigMap is MetalLB's own example, identical in the three ConfigMap releases lbctl knows. */
    @ParameterizedTest
    @ValueSource(strings = {"v0.9.6", "v0.10.2", "v0.12.1"})
    void theUpstreamLayer2ExampleBecomesOnePoolAndOneL2Advertisement(String tag) {
        assertThat(convert(MigrationFixtures.upstreamExample(tag), ConfigMigration.Format.YAML))
                .isEqualTo(MigrationFixtures.expected("article-layer2"));
    }
}
