package dev.lbctl.it.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.config.ConfigValidator.BgpMode;
import dev.lbctl.it.validation.ConfigGenerator.Format;
import dev.lbctl.it.validation.ValidationComparison.Outcome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The differential test's own parts: its verdict rules and its generator, without MetalLB's oracle. */
class ValidationComparisonTest {

    private static final String OVERLAP = """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: a, namespace: metallb-system}
            spec: {addresses: [10.0.0.0/24, 10.0.0.0/25]}
            """;

    @TempDir
    Path dir;

    private ValidationComparison compare(String yaml, boolean metallbValid, List<String> metallbErrors) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, yaml);
        return ValidationComparison.of(file, "v0.16.1", BgpMode.NATIVE, dev.lbctl.config.Problem::refusedByMetalLb, metallbValid, metallbErrors);
    }

    @Test
    void theSameMessageAgreesAndAnotherDoesNot() throws IOException {
        String metallb = "CIDR \"10.0.0.0/25\" in pool \"a\" overlaps with already defined CIDR \"10.0.0.0/24\"";
        assertThat(compare(OVERLAP, false, List.of(metallb)).outcome()).isEqualTo(Outcome.SAME_ERROR);
        assertThat(compare(OVERLAP, false, List.of(metallb + ".")).outcome()).isEqualTo(Outcome.OTHER_ERROR);
        assertThat(compare(OVERLAP, true, List.of()).outcome()).isEqualTo(Outcome.ONLY_LBCTL_REFUSES);
    }

    @Test
    void anyOfMetalLbsRandomErrorsAgrees() throws IOException {
        String metallb = "CIDR \"10.0.0.0/25\" in pool \"a\" overlaps with already defined CIDR \"10.0.0.0/24\"";
        assertThat(compare(OVERLAP, false, List.of("other\nerror", metallb)).outcome()).isEqualTo(Outcome.SAME_ERROR);
    }

    @Test
    void lbctlsOwnRefusalIsNotMetalLbsVerdictButCountsWhereMetalLbPanics() throws IOException {
        String mixed = OVERLAP.replace("[10.0.0.0/24, 10.0.0.0/25]", "[10.0.0.1-fd00::1]");
        assertThat(compare(mixed, true, List.of()).outcome()).isEqualTo(Outcome.BOTH_ACCEPT);
        assertThat(compare(mixed, false, List.of("panic: runtime error: index out of range [0] with length 0")).outcome())
                .isEqualTo(Outcome.METALLB_PANICS_LBCTL_REFUSES);
        assertThat(compare(mixed, false, List.of("some error")).outcome()).isEqualTo(Outcome.ONLY_METALLB_REFUSES);
    }

    @Test
    void theGeneratorIsDeterministicPerSeedAndVaries() {
        for (Format format : Format.values()) {
            assertThat(ConfigGenerator.generate(format, 7)).isEqualTo(ConfigGenerator.generate(format, 7));
            assertThat(ConfigGenerator.generate(format, 7)).isNotEqualTo(ConfigGenerator.generate(format, 8));
        }
        assertThat(ConfigGenerator.generate(Format.CRD, 1)).contains("kind: IPAddressPool");
        assertThat(ConfigGenerator.generate(Format.CONFIGMAP, 1)).contains("address-pools:");
    }
}
