package dev.lbctl.config;

/**
 * One finding of {@link ConfigValidator}. ERROR: the configuration is refused, by MetalLB ({@link Source#METALLB}: the
 * message is MetalLB's own text, byte for byte) or by lbctl alone ({@link Source#LBCTL}: MetalLB accepts it, but it
 * cannot do what was meant). WARNING: MetalLB accepts it but it is very likely not what was meant.
 *
 * @param pool the pool the finding is about, or null
 * @param object the object the finding is about, as KIND NAME (e.g. {@code BGPAdvertisement bgp-0}), or null
 * @param origin where that object was read, or null
 * @param hint lbctl's note on the message (kept out of MetalLB's text), or null
 */
public record Problem(Severity severity, String message, String pool, String object, Origin origin, Source source,
        String hint) {

    public enum Severity { ERROR, WARNING }

    /** Who refuses: MetalLB itself, or only lbctl. */
    public enum Source { METALLB, LBCTL }

    public Problem(Severity severity, String message) {
        this(severity, message, null, null, null, Source.METALLB, null);
    }

    public static Problem error(String message, String pool) {
        return new Problem(Severity.ERROR, message, pool, null, null, Source.METALLB, null);
    }

    public static Problem warning(String message, String pool) {
        return new Problem(Severity.WARNING, message, pool, null, null, Source.LBCTL, null);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** An error MetalLB itself would raise (lbctl's own refusals and warnings are not). */
    public boolean refusedByMetalLb() {
        return isError() && source == Source.METALLB;
    }

    /** The message with the object and its place in front and the hint after it, for one-line human output. */
    public String describe() {
        String text = hint == null ? message : message + " (" + hint + ")";
        if (object == null) {
            return text;
        }
        String where = origin == null || origin.file() == null ? "" : " (" + origin + ")";
        return object + where + ": " + text;
    }

    @Override
    public String toString() {
        return severity + ": " + describe();
    }
}
