package dev.lbctl.status;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command's contract where no cluster answers. */
class StatusCommandTest {

    @Test
    void aClusterThatCannotBeReachedIsExitFourWithOneSentence(@TempDir Path dir) throws Exception {
        Path config = CliRun.unreachableKubeconfig(dir);

        CliRun run = lbctl("--kubeconfig", config.toString(), "--request-timeout", "5s", "status", "-o", "json");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.out()).as("no partial report on stdout").isEmpty();
        assertThat(run.err()).as(run.toString()).startsWith("lbctl: error: cannot reach the Kubernetes API server at https://127.0.0.1:1/")
                .doesNotContain("\tat ");
    }

    @Test
    void yamlOutputIsAUsageError() {
        CliRun run = lbctl("status", "-o", "yaml");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--output", "expected one of [table, json]");
    }
}
