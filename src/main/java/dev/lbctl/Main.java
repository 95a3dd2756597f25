package dev.lbctl;

import dev.lbctl.cli.CommandLineFactory;
import dev.lbctl.cli.ExitCode;
import dev.lbctl.i18n.Messages;
import dev.lbctl.startup.PhaseClock;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** The only place that ends the JVM (see main). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // Not System.exit: on JDK 21 and later, Runtime.exit first asks a System.Logger whether to log the exit, which
        // starts the logging system and searches the jar for a LoggerFinder, some 18 ms on JDK 25 (a hello-world JVM
        // takes 27). Halting skips that and the shutdown hooks, and there are none left to run: lbctl's own (install,
        // verify: for Ctrl-C) are removed before run returns, and no library in the jar registers any. Output is
        // flushed first, as exit would have left it.
        System.out.flush();
        System.err.flush();
        Runtime.getRuntime().halt(code);
    }

    /**
     * Runs lbctl and returns its exit code. A PrintWriter swallows write errors, so a stdout that fails part-way (a
     * closed pipe, a full disk, a non-blocking descriptor that answers EAGAIN) would otherwise leave truncated results
     * behind an exit code that says all went well: such a run ends with {@link ExitCode#OUTPUT_FAILED} instead. Public
     * for the startup training, whose runs must load what a real run loads, this class included.
     */
    public static int run(String[] args, OutputStream stdout, OutputStream stderr) {
        PhaseClock.start();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        dev.lbctl.cli.ClusterSession.warmUp(args);
        CommandLine cmd = CommandLineFactory.forArguments(out, err, args);
        int code = cmd.execute(args);
        PhaseClock.mark("parse-run-and-print");
        if (out.checkError()) {
            err.println(Messages.get("error.line", Messages.get("error.outputFailed")));
            code = ExitCode.OUTPUT_FAILED;
        }
        err.flush();
        PhaseClock.print();
        return code;
    }
}
