package dev.lbctl.cli;

import dev.lbctl.i18n.HelpTexts;
import dev.lbctl.i18n.Language;
import dev.lbctl.i18n.Messages;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;

/** Builds the one configured {@link CommandLine} that Main and the tests both use. */
public final class CommandLineFactory {

    private CommandLineFactory() {
    }

    /** The whole command tree, speaking the language these arguments (--lang) and the environment choose. */
    public static CommandLine create(PrintWriter out, PrintWriter err, String... args) {
        return build(out, err, null, args);
    }

    /**
     * The command tree for these arguments: when they name a subcommand, only that subcommand (with all of its own
     * subcommands) is built, and none for a bare --version, which halves the time picocli spends building the model. Whatever needs the whole tree,
     * such as the root's help, a mistyped command that picocli suggests corrections for, or completion scripts, gets
     * the whole tree, and so does anything this cannot tell for sure.
     */
    public static CommandLine forArguments(PrintWriter out, PrintWriter err, String... args) {
        return build(out, err, args, args);
    }

    /** {@code args} prunes the tree unless null; {@code languageArgs} with the environment choose the language. */
    private static CommandLine build(PrintWriter out, PrintWriter err, String[] args, String[] languageArgs) {
        // Before anything renders: help is printed during parsing, from the model built here.
        Language language = Language.resolve(List.of(languageArgs), System.getenv());
        Messages.use(language);
        LbctlCommand root = new LbctlCommand();
        CommandLine cmd = new CommandLine(root);
        subcommandsFor(cmd, args).forEach(cmd::addSubcommand);
        ErrorHandler errors = new ErrorHandler(root.global);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(errors);
        cmd.setParameterExceptionHandler((ex, a) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println(Messages.get("error.line", ErrorHandler.sentence(ex)));
            e.println(Messages.get("error.usageHint", ex.getCommandLine().getCommandSpec().qualifiedName()));
            e.flush();
            return ExitCode.USAGE;
        });
        applyExitCodeList(cmd);
        // The launcher sets this when it runs as a kubectl plugin, so that help and errors say "kubectl lbctl".
        String commandName = System.getProperty("lbctl.command.name");
        if (commandName != null && !commandName.isBlank()) {
            cmd.setCommandName(commandName);
        }
        HelpTexts.bundle(language, cmd.getCommandName()).ifPresent(cmd::setResourceBundle);
        // Help is rendered while parsing, before --no-color is bound to its field, so the arguments themselves decide.
        boolean noColor = args != null && java.util.Arrays.asList(args).contains("--no-color") || System.getenv("NO_COLOR") != null;
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(noColor ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO));
        return cmd;
    }

    /** All subcommands, only the one the arguments name, or none for a bare --version. */
    private static List<Class<?>> subcommandsFor(CommandLine root, String[] args) {
        if (args == null) {
            return LbctlCommand.SUBCOMMANDS;
        }
        if (args.length == 1 && root.getCommandSpec().options().stream()
                .anyMatch(o -> o.versionHelp() && List.of(o.names()).contains(args[0]))) {
            return List.of();
        }
        return namedSubcommand(root, args).<List<Class<?>>>map(List::of).orElse(LbctlCommand.SUBCOMMANDS);
    }

    /**
     * The subcommand the first positional argument names, skipping the root's options and their values. Empty when
     * there is none, when it names no subcommand, for {@code completion} (its scripts describe the whole tree), when
     * the root's --help or --version comes first, and when the arguments hold an @file or {@code --} that only
     * picocli's parser can read right.
     */
    static Optional<Class<?>> namedSubcommand(CommandLine root, String... args) {
        Set<String> optionsWithValue = new HashSet<>();
        Set<String> helpOptions = new HashSet<>();
        for (OptionSpec option : root.getCommandSpec().options()) {
            if (option.arity().max() > 0) {
                optionsWithValue.addAll(List.of(option.names()));
            }
            if (option.usageHelp() || option.versionHelp()) {
                helpOptions.addAll(List.of(option.names()));
            }
        }
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            // The root's own help (or version), an @file, or "--": the whole tree, as said above.
            if (helpOptions.contains(arg) || arg.startsWith("@") || arg.equals("--")) {
                return Optional.empty();
            }
            if (arg.startsWith("-")) {
                if (optionsWithValue.contains(arg)) {
                    i++;
                    // picocli refuses a subcommand's name as an option's value, but only names it knows.
                    if (i < args.length && subcommandNamed(args[i]) != null) {
                        return Optional.empty();
                    }
                }
                continue;
            }
            Class<?> subcommand = subcommandNamed(arg);
            return subcommand == null || subcommand == CompletionCommand.class ? Optional.empty() : Optional.of(subcommand);
        }
        return Optional.empty();
    }

    private static Class<?> subcommandNamed(String name) {
        for (Class<?> subcommand : LbctlCommand.SUBCOMMANDS) {
            Command command = subcommand.getAnnotation(Command.class);
            if (command.name().equals(name) || List.of(command.aliases()).contains(name)) {
                return subcommand;
            }
        }
        return null;
    }

    /** Every command has -h/--help, and its help lists the same exit codes, since every command shares one contract. */
    private static void applyExitCodeList(CommandLine cmd) {
        cmd.getCommandSpec().mixinStandardHelpOptions(true);
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (int code : ExitCode.LISTED) {
            codes.put("  " + code, Messages.get("exitCode." + code));
        }
        cmd.getCommandSpec().usageMessage().exitCodeListHeading(Messages.get("help.exitCodesHeading")).exitCodeList(codes);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            applyExitCodeList(sub);
        }
    }
}
