package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.input.YamlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CI example under examples/ci only uses commands and options lbctl really has. */
class CiExampleTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyLbctlCommandInTheGithubActionsExampleParses() {
        Map<String, Object> workflow = (Map<String, Object>) YamlDocuments.load(Path.of("examples/ci/github-actions-smoke.yml")).get(0);
        List<String> commands = new ArrayList<>();
        Map<String, Object> jobs = (Map<String, Object>) workflow.get("jobs");
        for (Object job : jobs.values()) {
            for (Object step : (List<Object>) ((Map<String, Object>) job).get("steps")) {
                Object run = ((Map<String, Object>) step).get("run");
                if (run instanceof String text && text.startsWith("lbctl ")) {
                    commands.add(text.strip());
                }
            }
        }
        assertThat(commands).hasSizeGreaterThanOrEqualTo(6);
        for (String command : commands) {
            String[] args = command.substring("lbctl ".length()).split("\\s+");
            CommandLine cli = CommandLineFactory.create(new java.io.PrintWriter(java.io.Writer.nullWriter()),
                    new java.io.PrintWriter(java.io.Writer.nullWriter()));
            assertThat(cli.parseArgs(args).errors()).as(command).isEmpty();
        }
    }
}
