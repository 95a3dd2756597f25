package dev.lbctl.config;

import dev.lbctl.i18n.Messages;

/**
 * Where an object of the configuration was read: the file (or a description such as "--pool"), the 1-based line of
 * the object in that file (0 when unknown) and, for Kubernetes objects, the namespace written in metadata (may be null).
 */
public record Origin(String file, int line, String namespace) {

    /** The file of pools given with --pool or as arguments; the same in every language, since JSON carries it. */
    public static final Origin COMMAND_LINE = of("command line", 0);

    public static Origin of(String file, int line) {
        return new Origin(file, line, null);
    }

    /** As a person reads it: the command line is named in the language of this run. */
    public String shown() {
        return this.equals(COMMAND_LINE) ? Messages.get("origin.commandLine") : toString();
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
