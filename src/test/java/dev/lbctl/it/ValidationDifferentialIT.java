package dev.lbctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lbctl.config.ConfigValidator.BgpMode;
import dev.lbctl.config.Problem;
import dev.lbctl.it.validation.ConfigGenerator;
import dev.lbctl.it.validation.ConfigGenerator.Format;
import dev.lbctl.it.validation.ValidationComparison;
import dev.lbctl.it.validation.ValidationComparison.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code pool validate}'s rules against MetalLB's own Go code: for each release, {@link ConfigGenerator} writes one
 * configuration per seed, {@code scripts/metallb-oracle} (MetalLB's config.For / config.Parse, built from its Go
 * module on first use) gives MetalLB's verdict and message, and {@link ValidationComparison} holds lbctl's first
 * error to them. No cluster is needed. Seeds: {@code -Dlbctl.validation.seeds=N} (default 300) starting at
 * {@code -Dlbctl.validation.seedBase=B} (default 0). Rows: {@code -Dlbctl.validation.rows=RELEASE:FORMAT:BGP,...}
 * (default {@link #CI_ROWS}, the releases the Go module proxy serves; v0.10.2 needs a clone of MetalLB's repository,
 * see scripts/metallb-oracle, so it is a row to ask for, not one CI can build). Every file, MetalLB's and lbctl's
 * verdicts and a summary are kept in {@code target/validation-differential/RELEASE-BGP/}.
 */
@Tag("oracle")
class ValidationDifferentialIT {

    private static final int SEEDS = Integer.getInteger("lbctl.validation.seeds", 300);
    private static final long SEED_BASE = Long.getLong("lbctl.validation.seedBase", 0);

    private static final String CI_ROWS =
            "v0.16.1:CRD:native,v0.16.1:CRD:frr-k8s,v0.12.1:CONFIGMAP:native,v0.12.1:CONFIGMAP:frr,v0.12.1:CONFIGMAP:none,"
            + "v0.11.0:CONFIGMAP:native";

    /** Each row: the release, the format its generator writes, and the BGP implementation (the controller's --bgp-type). */
    static Stream<Arguments> rows() {
        return Arrays.stream(System.getProperty("lbctl.validation.rows", CI_ROWS).split(","))
                .map(row -> row.trim().split(":"))
                .map(row -> Arguments.of(row[0], Format.valueOf(row[1]), row[2]));
    }

    @ParameterizedTest(name = "MetalLB {0} ({1}, {2})")
    @MethodSource("rows")
    void lbctlAgreesWithMetalLb(String release, Format format, String bgp) throws Exception {
        Path dir = Path.of("target", "validation-differential", release + "-" + bgp);
        Files.createDirectories(dir);
        List<Path> files = new ArrayList<>();
        for (long seed = SEED_BASE; seed < SEED_BASE + SEEDS; seed++) {
            Path file = dir.resolve("seed-" + seed + ".yaml");
            Files.writeString(file, ConfigGenerator.generate(format, seed));
            files.add(file);
        }
        List<JsonNode> metallb = oracle(release, bgp, files);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        StringBuilder report = new StringBuilder();
        List<String> disagreements = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            JsonNode verdict = metallb.get(i);
            assertThat(verdict.path("decodeError").asText()).as("oracle could not decode %s", files.get(i)).isEmpty();
            List<String> errors = new ArrayList<>();
            verdict.path("errors").forEach(e -> errors.add(e.asText()));
            // "none" is what v0.12's controller runs (DontValidate): lbctl's errors that it raises too.
            ValidationComparison c = ValidationComparison.of(files.get(i), release, mode(bgp),
                    bgp.equals("none") ? Problem::refusedByController : Problem::refusedByMetalLb, verdict.path("valid").asBoolean(), errors);
            counts.merge(c.outcome(), 1, Integer::sum);
            report.append(c).append('\n');
            if (!c.outcome().agrees()) {
                disagreements.add(c.toString());
            }
        }
        String summary = "MetalLB " + release + " (" + format + ", " + bgp + "), " + files.size() + " configurations from seed " + SEED_BASE
                + ": " + counts;
        Files.writeString(dir.resolve("summary.txt"), summary + "\n" + report, StandardCharsets.UTF_8);
        System.err.println(summary);
        assertThat(disagreements).as(summary).isEmpty();
    }

    /** One oracle run for all files (one JSON line each, in order). */
    private static List<JsonNode> oracle(String release, String bgp, List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repo().resolve("scripts/metallb-oracle").toString(), "--bgp", bgp, release));
        files.forEach(f -> command.add(f.toAbsolutePath().toString()));
        Path out = Files.createTempFile("metallb-oracle", ".jsonl");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        // The first run builds MetalLB's package from its Go module: minutes on a cold machine.
        assertThat(p.waitFor(30, TimeUnit.MINUTES)).as("metallb-oracle finished").isTrue();
        assertThat(p.exitValue()).as("metallb-oracle exit code").isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> verdicts = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            verdicts.add(json.readTree(line));
        }
        Files.delete(out);
        assertThat(verdicts).hasSize(files.size());
        return verdicts;
    }

    private static BgpMode mode(String bgp) {
        return bgp.startsWith("frr") ? BgpMode.FRR : BgpMode.NATIVE;
    }

    private static Path repo() {
        return Path.of("").toAbsolutePath();
    }
}
