package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Main builds only the subcommand a command line names; that must never show: every command prints, parses and fails
 * exactly as it does in the whole tree.
 */
class CommandLineFactoryTest {

    private record Run(int exitCode, String out, String err) {
    }

    private static Run whole(String... args) {
        return run(false, args);
    }

    private static Run pruned(String... args) {
        return run(true, args);
    }

    private static Run run(boolean pruned, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cmd = pruned ? CommandLineFactory.forArguments(o, e, args) : CommandLineFactory.create(o, e);
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Every command path of the whole tree, e.g. [pool, validate]. */
    static Stream<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())),
                new ArrayList<>(), paths);
        return paths.stream();
    }

    private static void collect(CommandLine cmd, List<String> path, List<List<String>> into) {
        for (CommandLine sub : cmd.getSubcommands().values()) {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(sub.getCommandName());
            into.add(subPath);
            collect(sub, subPath, into);
        }
    }

    @ParameterizedTest
    @MethodSource("commandPaths")
    void everyCommandsHelpIsTheSameAsInTheWholeTree(List<String> path) {
        String[] args = Stream.concat(path.stream(), Stream.of("--help")).toArray(String[]::new);
        assertThat(pruned(args)).isEqualTo(whole(args));
    }

    @Test
    void commandsParseAndFailAsInTheWholeTree() {
        List<String[]> lines = List.of(
                new String[] {"pool", "validate", "--pool", "192.168.100.240-250"},
                new String[] {"pool", "validate", "--pool", "10.0.0.300"},
                new String[] {"--kubeconfig", "/nonexistent", "pool", "validate", "--bogus"},
                new String[] {"--kubeconfig=/nonexistent", "check-strictarp", "--fix", "--revert"},
                new String[] {"--context", "pool", "status", "--help"},
                new String[] {"pool", "valdate"},
                new String[] {"pol"},
                new String[] {"--help", "pool"},
                new String[] {"--version"},
                new String[] {},
                new String[] {"completion", "bash"});
        for (String[] line : lines) {
            assertThat(pruned(line)).as(Arrays.toString(line)).isEqualTo(whole(line));
        }
    }

    @Test
    void buildsOnlyTheSubcommandTheArgumentsName() {
        CommandLine root = CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(CommandLineFactory.namedSubcommand(root, "pool", "validate")).contains(PoolCommand.class);
        assertThat(CommandLineFactory.namedSubcommand(root, "--kubeconfig", "k", "check-strictarp"))
                .contains(CheckStrictArpCommand.class);
        assertThat(CommandLineFactory.namedSubcommand(root, "--context", "pool", "status")).isEmpty();
        assertThat(CommandLineFactory.namedSubcommand(root, "--kubeconfig=k", "-v", "status")).contains(StatusCommand.class);
        assertThat(CommandLineFactory.namedSubcommand(root, "completion", "bash")).isEmpty();
        assertThat(CommandLineFactory.namedSubcommand(root, "--help", "pool")).isEmpty();
        assertThat(CommandLineFactory.namedSubcommand(root, "@args.txt")).isEmpty();
        assertThat(CommandLineFactory.namedSubcommand(root, "pol")).isEmpty();
        assertThat(CommandLineFactory.namedSubcommand(root)).isEmpty();
    }
}
