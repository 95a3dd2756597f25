package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The scripts in completions/ are generated from the picocli model; this fails when a command or option changed and
 * the checked-in scripts were not regenerated (run scripts/generate-completions).
 */
class CompletionScriptsTest {

    @Test
    void checkedInBashCompletionMatchesTheCommandModel() throws IOException {
        assertThat(Files.readString(Path.of("completions/lbctl.bash")))
                .as("completions/lbctl.bash is stale: run scripts/generate-completions")
                .isEqualTo(CliRun.lbctl("completion", "bash").out());
    }

    @Test
    void checkedInZshCompletionMatchesTheCommandModel() throws IOException {
        assertThat(Files.readString(Path.of("completions/_lbctl")))
                .as("completions/_lbctl is stale: run scripts/generate-completions")
                .isEqualTo(CliRun.lbctl("completion", "zsh").out());
    }

    @Test
    void bashCompletionKnowsEverySubcommand() {
        String script = CliRun.lbctl("completion", "bash").out();
        assertThat(script).contains("pool", "validate", "simulate", "--kubeconfig", "--metallb-version");
    }
}
