package dev.lbctl;

import dev.lbctl.cli.CommandLineFactory;
import dev.lbctl.cli.ExitCode;
import dev.lbctl.i18n.Messages;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The only place that calls System.exit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs lbctl and returns its exit code. A PrintWriter swallows write errors, so a stdout that fails part-way (a
     * closed pipe, a full disk, a non-blocking descriptor that answers EAGAIN) would otherwise leave truncated results
     * behind an exit code that says all went well: such a run ends with {@link ExitCode#OUTPUT_FAILED} instead.
     */
    static int run(String[] args, OutputStream stdout, OutputStream stderr) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(stderr, StandardCharsets.UTF_8), true);
        dev.lbctl.cli.ClusterSession.warmUp(args);
        int code = CommandLineFactory.forArguments(out, err, args).execute(args);
        if (out.checkError()) {
            err.println(Messages.get("error.line", Messages.get("error.outputFailed")));
            code = ExitCode.OUTPUT_FAILED;
        }
        err.flush();
        return code;
    }
}
