package dev.lbctl.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** Builds the one configured {@link CommandLine} that Main and the tests both use. */
public final class CommandLineFactory {

    private CommandLineFactory() {
    }

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        LbctlCommand root = new LbctlCommand();
        CommandLine cmd = new CommandLine(root);
        ErrorHandler errors = new ErrorHandler(root.global);
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(errors);
        cmd.setParameterExceptionHandler((ex, args) -> {
            PrintWriter e = ex.getCommandLine().getErr();
            e.println("lbctl: error: " + ErrorHandler.sentence(ex));
            e.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            e.flush();
            return ExitCode.USAGE;
        });
        applyExitCodeList(cmd);
        cmd.setColorScheme(CommandLine.Help.defaultColorScheme(
                root.global.noColor || System.getenv("NO_COLOR") != null ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO));
        return cmd;
    }

    /** Every command has -h/--help, and its help lists the same exit codes, since every command shares one contract. */
    private static void applyExitCodeList(CommandLine cmd) {
        cmd.getCommandSpec().mixinStandardHelpOptions(true);
        java.util.Map<String, String> codes = new java.util.LinkedHashMap<>();
        for (String line : ExitCode.helpList()) {
            String[] kv = line.split(":", 2);
            codes.put("  " + kv[0], kv[1]);
        }
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit Codes:%n").exitCodeList(codes);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            applyExitCodeList(sub);
        }
    }
}
