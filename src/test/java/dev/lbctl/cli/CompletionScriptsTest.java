package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The scripts in completions/ are generated from the picocli model; this fails when a command or option changed and
 * the checked-in scripts were not regenerated (run scripts/generate-completions). The bash script is also run in a
 * real bash, the way bash calls it when the user presses TAB.
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
    void checkedInFishCompletionMatchesTheCommandModel() throws IOException {
        assertThat(Files.readString(Path.of("completions/lbctl.fish")))
                .as("completions/lbctl.fish is stale: run scripts/generate-completions")
                .isEqualTo(CliRun.lbctl("completion", "fish").out());
    }

    @Test
    void bashCompletionKnowsEverySubcommand() {
        String script = CliRun.lbctl("completion", "bash").out();
        assertThat(script).contains("pool", "validate", "simulate", "--kubeconfig", "--metallb-version");
    }

    @Test
    void bashCompletesSubcommandsFromAPrefix() throws Exception {
        assertThat(complete("lbctl", "po")).containsExactly("pool");
        assertThat(complete("lbctl", "c")).containsExactlyInAnyOrder("check-strictarp", "config", "completion");
        assertThat(complete("lbctl", "pool", "")).containsExactlyInAnyOrder("validate", "simulate");
    }

    @Test
    void bashCompletesOptionsAndTheirValues() throws Exception {
        assertThat(complete("lbctl", "pool", "validate", "--me")).containsExactly("--metallb-version");
        assertThat(complete("lbctl", "pool", "simulate", "--kube")).containsExactly("--kubeconfig");
        assertThat(complete("lbctl", "check-strictarp", "--f")).containsExactly("--fix");
        assertThat(complete("lbctl", "pool", "validate", "-o", "")).containsExactlyInAnyOrder("table", "json");
        assertThat(complete("lbctl", "completion", "")).containsExactlyInAnyOrder("bash", "zsh", "fish");
    }

    @Test
    void fishCompletionOffersCommandsOptionsAndValuesWhereTheyApply() {
        String script = CliRun.lbctl("completion", "fish").out();
        assertThat(script)
                .contains("complete -c lbctl -n '__lbctl_at lbctl' -a 'pool'")
                .contains("complete -c lbctl -n '__lbctl_at lbctl pool' -a 'validate'")
                .contains("complete -c lbctl -n '__lbctl_at lbctl pool validate' -s o -l output -x -a 'table json'")
                .contains("complete -c lbctl -n '__lbctl_at lbctl check-strictarp' -l kubeconfig -r -F")
                .contains("complete -c lbctl -n '__lbctl_at lbctl completion' -x -a 'bash zsh fish'");
    }

    /**
     * Sources completions/lbctl.bash in a real bash, fills COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT as bash does for
     * the words typed (the last one is the word under the cursor), calls the function the script registered with
     * {@code complete -F}, and returns COMPREPLY.
     */
    private static List<String> complete(String... words) throws Exception {
        StringBuilder array = new StringBuilder();
        for (String word : words) {
            array.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        String line = String.join(" ", words);
        String program = """
                source completions/lbctl.bash
                COMP_WORDS=(%s)
                COMP_CWORD=%d
                COMP_LINE='%s'
                COMP_POINT=${#COMP_LINE}
                registered=$(complete -p lbctl)
                function=${registered##*-F }
                function=${function%%%% *}
                "$function" lbctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
                printf '%%s\\n' "${COMPREPLY[@]}"
                """.formatted(array.toString().strip(), words.length - 1, line.replace("'", "'\\''"));
        Process bash = new ProcessBuilder("bash", "-c", program)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
        assertThat(bash.exitValue()).as("bash exit code, output:\n" + out).isZero();
        return out.lines().filter(s -> !s.isBlank()).map(String::strip).toList();
    }
}
