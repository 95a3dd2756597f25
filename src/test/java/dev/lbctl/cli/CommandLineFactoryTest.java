package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import dev.lbctl.cli.CommandLineFactory.Selection;
import dev.lbctl.i18n.Language;
import dev.lbctl.i18n.Messages;
import picocli.CommandLine;

/**
 * Main builds only the subcommand a command line names; that must never show: every command prints, parses and fails
 * exactly as it does in the whole tree.
 */
class CommandLineFactoryTest {

    @AfterEach
    void backToEnglish() {
        Messages.use(Language.EN);
    }

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
        CommandLine cmd = pruned ? CommandLineFactory.forArguments(o, e, args) : CommandLineFactory.create(o, e, args);
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
    void rootHelpIsTheSameAsInTheWholeTree() {
        List<String[]> lines = List.of(
                new String[] {"--help"},
                new String[] {"-h"},
                new String[] {"--no-color", "--help"},
                new String[] {"--lang", "ja", "--help"},
                new String[] {"--lang=ja", "-h"},
                new String[] {"--kubeconfig", "/nonexistent", "--help"},
                new String[] {"--bogus", "--help"},
                new String[] {"--help", "--help"});
        for (String[] line : lines) {
            assertThat(pruned(line)).as(Arrays.toString(line)).isEqualTo(whole(line));
        }
    }

    @Test
    void buildsOnlyTheSubcommandTheArgumentsName() {
        CommandLine root = CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        assertThat(CommandLineFactory.select(root, "pool", "validate")).isEqualTo(new Selection(PoolCommand.class, 0));
        assertThat(CommandLineFactory.select(root, "--kubeconfig", "k", "check-strictarp"))
                .isEqualTo(new Selection(CheckStrictArpCommand.class, 2));
        assertThat(CommandLineFactory.select(root, "--kubeconfig=k", "-v", "status"))
                .isEqualTo(new Selection(StatusCommand.class, 2));
        assertThat(CommandLineFactory.select(root, "--context", "pool", "status")).isEqualTo(Selection.WHOLE_TREE);
        assertThat(CommandLineFactory.select(root, "completion", "bash")).isEqualTo(Selection.WHOLE_TREE);
        assertThat(CommandLineFactory.select(root, "--help", "pool")).isEqualTo(Selection.WHOLE_TREE);
        assertThat(CommandLineFactory.select(root, "--version", "pool")).isEqualTo(Selection.WHOLE_TREE);
        assertThat(CommandLineFactory.select(root, "@args.txt")).isEqualTo(Selection.WHOLE_TREE);
        assertThat(CommandLineFactory.select(root, "pol")).isEqualTo(Selection.WHOLE_TREE);
        assertThat(CommandLineFactory.select(root)).isEqualTo(Selection.WHOLE_TREE);
        assertThat(CommandLineFactory.select(root, "--version")).isEqualTo(Selection.VERSION);
        assertThat(CommandLineFactory.select(root, "-V")).isEqualTo(Selection.VERSION);
        assertThat(CommandLineFactory.select(root, "--lang", "ja", "--help")).isEqualTo(Selection.ROOT_HELP);
        assertThat(CommandLineFactory.select(root, "--bogus", "--help")).isEqualTo(Selection.WHOLE_TREE);
    }

    @Test
    void buildsOnlyTheNestedSubcommandNamedNext() {
        assertThat(subcommandsBuilt("pool", "validate", "--pool", "10.0.0.1")).containsExactly("pool", "pool validate");
        assertThat(subcommandsBuilt("pool", "simulate", "--help")).containsExactly("pool", "pool simulate");
        assertThat(subcommandsBuilt("config", "migrate", "-f", "x.yaml")).containsExactly("config", "config migrate");
        // Not a nested subcommand's name right after its parent: all of them, so that picocli can suggest or complain.
        assertThat(subcommandsBuilt("pool", "valdate")).containsExactly("pool", "pool validate", "pool simulate");
        assertThat(subcommandsBuilt("pool", "--help")).containsExactly("pool", "pool validate", "pool simulate");
        assertThat(subcommandsBuilt("status")).containsExactly("status");
        assertThat(subcommandsBuilt("--version")).isEmpty();
    }

    @Test
    void rootHelpBuildsNoSubcommandsOptions() {
        CommandLine root = CommandLineFactory.forArguments(new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()), "--help");
        assertThat(root.getSubcommands().keySet()).containsExactlyElementsOf(
                CommandLineFactory.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                        .getSubcommands().keySet());
        assertThat(root.getSubcommands().values()).allSatisfy(sub -> {
            assertThat(sub.getCommandSpec().userObject()).isNull();
            assertThat(sub.getSubcommands()).isEmpty();
        });
    }

    private static List<String> subcommandsBuilt(String... args) {
        List<List<String>> paths = new ArrayList<>();
        collect(CommandLineFactory.forArguments(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args),
                new ArrayList<>(), paths);
        return paths.stream().map(path -> String.join(" ", path)).toList();
    }
}
