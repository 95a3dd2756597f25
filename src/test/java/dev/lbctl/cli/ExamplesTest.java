package dev.lbctl.cli;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in examples/ goes through the CLI, so the README's examples cannot rot. */
class ExamplesTest {

    static Stream<Path> poolFiles() throws IOException {
        return list("examples/pools");
    }

    static Stream<Path> serviceFiles() throws IOException {
        return list("examples/services");
    }

    private static Stream<Path> list(String dir) throws IOException {
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("poolFiles")
    void everyPoolExampleValidatesAsItsNameSays(Path file) {
        CliRun run = lbctl("pool", "validate", "-f", file.toString(), "-o", "json");
        boolean meantInvalid = file.getFileName().toString().startsWith("invalid-");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(meantInvalid ? 3 : 0);
        assertThat(run.out()).as(run.toString()).contains("\"valid\": " + !meantInvalid);
    }

    @ParameterizedTest
    @MethodSource("serviceFiles")
    void everyServiceExampleSimulatesAgainstEveryValidPoolExample(Path services) throws IOException {
        List<Path> validPools = poolFiles().filter(p -> !p.getFileName().toString().startsWith("invalid-")).toList();
        for (Path pools : validPools) {
            CliRun run = lbctl("pool", "simulate", "-f", pools.toString(), "--services", services.toString(), "-o", "json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).as(run.toString()).contains("\"services\"");
        }
    }

    @Test
    void theArticleRecipePredictsWhatTheArticleShows() {
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.100.240-250",
                "--services", "examples/services/article-nginx.yaml");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out().lines().toList()).as(run.toString()).containsExactly(
                "NAMESPACE  NAME           IP               POOL     STATUS    REASON",
                "default    nginx          192.168.100.240  default  assigned  -",
                "default    nginx-pinned   192.168.100.245  default  assigned  -",
                "default    nginx-outside  -                -        pending   [\"192.168.100.100\"] is not allowed in config");
    }

    @Test
    void expectAssignedFailsWhenAServiceWouldStayPending() {
        CliRun run = lbctl("pool", "simulate", "--pool", "192.168.100.240-250",
                "--services", "examples/services/article-nginx.yaml", "--expect-assigned");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
    }
}
