package dev.lbctl.config;

/**
 * One finding of {@link ConfigValidator}. ERROR: MetalLB would reject the configuration (the text is MetalLB's own,
 * prefixed with the object it is about where MetalLB's text does not name it). WARNING: MetalLB accepts it but it is
 * very likely not what was meant.
 *
 * @param pool the pool the finding is about, or null
 */
public record Problem(Severity severity, String message, String pool) {

    public enum Severity { ERROR, WARNING }

    public Problem(Severity severity, String message) {
        this(severity, message, null);
    }

    public static Problem error(String message, String pool) {
        return new Problem(Severity.ERROR, message, pool);
    }

    public static Problem warning(String message, String pool) {
        return new Problem(Severity.WARNING, message, pool);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + ": " + message;
    }
}
