package dev.lbctl.cli;

import picocli.CommandLine.Option;

/** {@code -o} for commands whose result is a table for people or JSON for programs. */
public class TableOrJsonOption {

    enum Format { table, json }

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    Format format;

    boolean json() {
        return format == Format.json;
    }
}
