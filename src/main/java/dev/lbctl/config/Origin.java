package dev.lbctl.config;

/**
 * Where an object of the configuration was read: the file (or a description such as "--pool"), the 1-based line of
 * the object in that file (0 when unknown) and, for Kubernetes objects, the namespace written in metadata (may be null).
 */
public record Origin(String file, int line, String namespace) {

    public static Origin of(String file, int line) {
        return new Origin(file, line, null);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line : file;
    }
}
