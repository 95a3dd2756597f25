package dev.lbctl;

import dev.lbctl.cli.CommandLineFactory;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The only place that calls System.exit. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = CommandLineFactory.forArguments(out, err, args).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
