package dev.lbctl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/**
 * Runs lbctl in-process through the same factory as Main, capturing stdout and stderr. Its toString shows the
 * arguments and both streams, so a failed assertion says what the command printed.
 */
public record CliRun(String[] args, int exitCode, String out, String err) {

    public static CliRun lbctl(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CommandLineFactory.create(new PrintWriter(out, true), new PrintWriter(err, true), args).execute(args);
        return new CliRun(args, code, out.toString(), err.toString());
    }

    /** lbctl against the cluster of {@code kubeconfig}. */
    public static CliRun lbctlOn(java.nio.file.Path kubeconfig, String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--kubeconfig";
        all[1] = kubeconfig.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return lbctl(all);
    }

    @Override
    public String toString() {
        return "lbctl " + String.join(" ", Arrays.asList(args)) + "\n--- exit " + exitCode + "\n--- stdout:\n" + out
                + "--- stderr:\n" + err;
    }
}
