package dev.lbctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.MetalLbVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading across files, and the model's views for the CLI. */
class ConfigFilesTest {

    @TempDir
    Path dir;

    @Test
    void resourcesFromSeveralFilesFormOneConfiguration() throws Exception {
        Path pools = write("pools.yaml", "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: lan}\n"
                + "spec:\n  addresses: [10.0.0.10-10.0.0.20]\n");
        Path ads = write("ads.yaml", "apiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: lan}\n");
        MetalLbConfig config = ConfigFiles.read(List.of(pools, ads));
        assertThat(config.style()).isEqualTo(ConfigStyle.CRD);
        assertThat(config.poolSpecs()).extracting(PoolSpec::name).containsExactly("lan");
        assertThat(config.l2Advertisements()).hasSize(1);
        assertThat(config.poolSpecs().get(0).origin()).isEqualTo(Origin.of(pools.toString(), 1));
        assertThat(ConfigValidator.validate(config)).isEmpty();
    }

    @Test
    void aConfigMapInOneFileAndResourcesInAnotherAreRefused() throws Exception {
        Path legacy = write("config.yaml", "address-pools:\n- {name: a, protocol: layer2, addresses: [10.0.0.0/28]}\n");
        Path crd = write("pool.yaml", "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: b}\n");
        assertThatThrownBy(() -> ConfigFiles.read(List.of(legacy, crd)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(legacy + ":1").hasMessageContaining(crd + ":1");
    }

    @Test
    void twoConfigMapsAreRefused() throws Exception {
        Path one = write("one.yaml", "address-pools: []\n");
        Path two = write("two.yaml", "peers: []\n");
        assertThatThrownBy(() -> ConfigFiles.read(List.of(one, two)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(two + ":1: a second MetalLB ConfigMap configuration (the first is at " + one + ":1); MetalLB reads exactly one, so give one.");
    }

    @Test
    void aMissingFileIsAnInputError() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> ConfigFiles.read(List.of(missing))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void configMapPoolsKeepTheirLinesInTheManifest() {
        MetalLbConfig config = ConfigFiles.read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: config}\ndata:\n  config: |\n"
                + "    address-pools:\n    - name: lan\n      protocol: layer2\n      addresses: [10.0.0.10-10.0.0.20]\n", "cm.yaml");
        assertThat(config.style()).isEqualTo(ConfigStyle.LEGACY_CONFIGMAP);
        assertThat(config.poolSpecs().get(0).origin()).isEqualTo(Origin.of("cm.yaml", 7));
        assertThat(config.impliedVersion()).isEqualTo(MetalLbVersion.of(0, 12, 1));
        assertThat(config.pools()).singleElement().satisfies(p -> {
            assertThat(p.protocol()).contains("layer2");
            assertThat(p.size()).isEqualTo(java.math.BigInteger.valueOf(11));
        });
    }

    @Test
    void poolsFromTheCommandLineAreAnnouncedByAnImplicitL2Advertisement() {
        AddressPool lan = AddressPool.of("lan", List.of("192.168.1.240/28"), List.of(Cidr.parse("192.168.1.240/28").orElseThrow()));
        MetalLbConfig config = MetalLbConfig.ofPools(List.of(lan));
        assertThat(config.style()).isEqualTo(ConfigStyle.CRD);
        assertThat(config.pools()).containsExactly(lan);
        assertThat(ConfigValidator.validate(config)).extracting(Problem::message)
                .noneMatch(m -> m.contains("not announced"));
        assertThat(ConfigValidator.validate(MetalLbConfig.ofPools(List.of(lan, lan)))).extracting(Problem::message)
                .contains("duplicate definition of pool \"lan\"");
    }

    private Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void aKindOrApiVersionWithALineBreakIsQuotedSoTheErrorStaysOneLine() {
        assertThatThrownBy(() -> ConfigFiles.read("kind: \"a\\nb\"\napiVersion: \"x y\"\n", "in.yaml"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("only \"a\\nb\" (\"x y\") at line 1")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void anEmptyLastDocumentIsSkipped() {
        MetalLbConfig config = ConfigFiles.read("""
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata: {name: lan, namespace: metallb-system}
                spec: {addresses: [10.0.0.0/24]}
                ---
                """, "in.yaml");
        assertThat(config.poolSpecs()).hasSize(1);
    }
}
