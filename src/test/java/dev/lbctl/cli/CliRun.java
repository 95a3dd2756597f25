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

    /** A kubeconfig in {@code dir} for port 1 on loopback: nothing listens, so the connection is refused at once. */
    public static java.nio.file.Path unreachableKubeconfig(java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path config = dir.resolve("kubeconfig");
        java.nio.file.Files.writeString(config, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:1"}}]
                users: [{name: u, user: {token: t}}]
                contexts: [{name: x, context: {cluster: c, user: u}}]
                current-context: x
                """);
        return config;
    }

    @Override
    public String toString() {
        return "lbctl " + String.join(" ", Arrays.asList(args)) + "\n--- exit " + exitCode + "\n--- stdout:\n" + out
                + "--- stderr:\n" + err;
    }
}
