package dev.lbctl.cli;

import dev.lbctl.i18n.HelpTexts;
import dev.lbctl.i18n.Language;
import dev.lbctl.i18n.Messages;
import dev.lbctl.startup.PhaseClock;
import dev.lbctl.startup.Warmup;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Builds the one configured {@link CommandLine} that Main and the tests both use. */
public final class CommandLineFactory {

    static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";
    static final String DISABLE_CLOSURES = "picocli.disable.closures";

    private CommandLineFactory() {
    }

    /** The whole command tree, speaking the language these arguments (--lang) and the environment choose. */
    public static CommandLine create(PrintWriter out, PrintWriter err, String... args) {
        return build(out, err, null, args);
    }

    /**
     * The command tree for these arguments, built only as far as they need, since every command's model costs a short
     * command time (its classes, picocli's objects, the checks on them): when they name a subcommand, only that
     * one (and of its own subcommands only the one named next, if any); none for a bare --version; for the root's own
     * help, each subcommand as that help lists it (names and description, no options). Whatever needs the whole tree,
     * such as a mistyped command that picocli suggests corrections for or completion scripts, gets the whole tree, and
     * so does anything this cannot tell for sure.
     */
    public static CommandLine forArguments(PrintWriter out, PrintWriter err, String... args) {
        return build(out, err, args, args);
    }

    /** {@code args} prunes the tree unless null; {@code languageArgs} with the environment choose the language. */
    private static CommandLine build(PrintWriter out, PrintWriter err, String[] args, String[] languageArgs) {
        if (args != null) {
            Warmup.start(args);
        }
        // Before anything renders: help is printed during parsing, from the model built here.
        Language language = Language.resolve(List.of(languageArgs), System.getenv());
        Messages.use(language);
        PhaseClock.mark("language-and-catalog");
        skipUnusedPicocliFeatures();
        CommandSpec rootSpec = CommandModel.GENERATED.spec(LbctlCommand.class);
        LbctlCommand root = (LbctlCommand) rootSpec.userObject();
        CommandLine cmd = new CommandLine(rootSpec);
        PhaseClock.mark("picocli-root-model");
        addSubcommands(cmd, args);
        PhaseClock.mark("picocli-subcommand-models");
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
        PhaseClock.mark("picocli-configuration");
        return cmd;
    }

    /**
     * picocli features lbctl has no use for but every run pays: each new CommandLine registers converters for java.sql
     * and java.time types by reflection (no lbctl option has such a type; durations have their own converter), and its
     * default factory looks for Groovy on the class path, which opens the jar and searches all of it for nothing. A
     * value the user sets wins.
     */
    private static void skipUnusedPicocliFeatures() {
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\.(sql|time)\\..*");
        }
        if (System.getProperty(DISABLE_CLOSURES) == null) {
            System.setProperty(DISABLE_CLOSURES, "true");
        }
    }

    /** Adds the subcommands these arguments need (all of them when {@code args} is null), as said at forArguments. */
    private static void addSubcommands(CommandLine root, String[] args) {
        Selection selection = args == null ? Selection.WHOLE_TREE : select(root, args);
        if (selection == Selection.ROOT_HELP) {
            LbctlCommand.SUBCOMMANDS.forEach(type -> root.addSubcommand(summary(type)));
        } else if (selection.command != null) {
            String next = selection.index + 1 < args.length ? args[selection.index + 1] : null;
            add(root, selection.command, next);
        } else if (selection != Selection.VERSION) {
            LbctlCommand.SUBCOMMANDS.forEach(type -> add(root, type, null));
        }
    }

    /** Adds {@code type} with its own subcommands: only the one {@code next} names, or all when it names none. */
    private static void add(CommandLine parent, Class<?> type, String next) {
        CommandLine added = new CommandLine(CommandModel.GENERATED.spec(type));
        parent.addSubcommand(added);
        List<Class<?>> nested = LbctlCommand.NESTED.getOrDefault(type, List.of());
        Class<?> named = next == null ? null : named(nested, next);
        for (Class<?> sub : named == null ? nested : List.of(named)) {
            added.addSubcommand(new CommandLine(CommandModel.GENERATED.spec(sub)));
        }
    }

    /** A subcommand as the root's help lists it: its names and description, none of its options. */
    private static CommandLine summary(Class<?> type) {
        return new CommandLine(CommandModel.GENERATED.summary(type));
    }

    /**
     * What the arguments ask of the tree: the subcommand the first positional argument names (skipping the root's
     * options and their values), the root's own help (only root options, one of them -h/--help), a bare --version, or
     * the whole tree when there is no subcommand, it names none, it is {@code completion} (its scripts describe the
     * whole tree), the root's --help or --version comes before it, an option is not one of the root's, or the
     * arguments hold an @file or {@code --} that only picocli's parser can read right.
     */
    static Selection select(CommandLine root, String... args) {
        Set<String> optionsWithValue = new HashSet<>();
        Set<String> options = new HashSet<>();
        Set<String> usageHelp = new HashSet<>();
        Set<String> versionHelp = new HashSet<>();
        for (OptionSpec option : root.getCommandSpec().options()) {
            List<String> names = List.of(option.names());
            options.addAll(names);
            if (option.arity().max() > 0) {
                optionsWithValue.addAll(names);
            }
            if (option.usageHelp()) {
                usageHelp.addAll(names);
            }
            if (option.versionHelp()) {
                versionHelp.addAll(names);
            }
        }
        if (args.length == 1 && versionHelp.contains(args[0])) {
            return Selection.VERSION;
        }
        boolean help = false;
        boolean onlyRootOptions = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (versionHelp.contains(arg) || arg.startsWith("@") || arg.equals("--")) {
                return Selection.WHOLE_TREE;
            }
            if (usageHelp.contains(arg)) {
                help = true;
                continue;
            }
            if (arg.startsWith("-")) {
                int eq = arg.indexOf('=');
                onlyRootOptions &= options.contains(eq < 0 ? arg : arg.substring(0, eq));
                if (optionsWithValue.contains(arg)) {
                    i++;
                    // picocli refuses a subcommand's name as an option's value, but only names it knows.
                    if (i < args.length && named(LbctlCommand.SUBCOMMANDS, args[i]) != null) {
                        return Selection.WHOLE_TREE;
                    }
                }
                continue;
            }
            Class<?> subcommand = named(LbctlCommand.SUBCOMMANDS, arg);
            return help || subcommand == null || subcommand == CompletionCommand.class
                    ? Selection.WHOLE_TREE : new Selection(subcommand, i);
        }
        return help && onlyRootOptions ? Selection.ROOT_HELP : Selection.WHOLE_TREE;
    }

    /** What {@link #select} found: a subcommand and its index in the arguments, or one of the constants. */
    record Selection(Class<?> command, int index) {
        static final Selection WHOLE_TREE = new Selection(null, -1);
        static final Selection ROOT_HELP = new Selection(null, -2);
        static final Selection VERSION = new Selection(null, -3);
    }

    /** The command among {@code types} whose name or alias is {@code name}, else null. */
    private static Class<?> named(List<Class<?>> types, String name) {
        for (Class<?> type : types) {
            if (List.of(CommandModel.GENERATED.names(type)).contains(name)) {
                return type;
            }
        }
        return null;
    }

    /** Every command has -h/--help, and its help lists the same exit codes, since every command shares one contract. */
    private static void applyExitCodeList(CommandLine cmd) {
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (int code : ExitCode.LISTED) {
            codes.put("  " + code, Messages.get("exitCode." + code));
        }
        applyExitCodeList(cmd, Messages.get("help.exitCodesHeading"), codes);
    }

    private static void applyExitCodeList(CommandLine cmd, String heading, java.util.Map<String, String> codes) {
        CommandSpec spec = cmd.getCommandSpec();
        if (spec.userObject() == null) {
            return; // a summary for the root's help, whose own help is never shown
        }
        // Not spec.mixinStandardHelpOptions(true), which reads the annotations of picocli's help mixin.
        if (!spec.mixinStandardHelpOptions()) {
            spec.addMixin("mixinStandardHelpOptions", CommandModel.GENERATED.standardHelpOptions());
        }
        spec.usageMessage().exitCodeListHeading(heading).exitCodeList(codes);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            applyExitCodeList(sub, heading, codes);
        }
    }
}
