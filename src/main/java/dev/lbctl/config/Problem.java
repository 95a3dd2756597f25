package dev.lbctl.config;

import dev.lbctl.i18n.Messages;
import dev.lbctl.i18n.Sentence;

/**
 * One finding of {@link ConfigValidator}. ERROR: the configuration is refused, by MetalLB ({@link Source#METALLB}: the
 * message is MetalLB's own text, byte for byte) or by lbctl alone ({@link Source#LBCTL}: MetalLB accepts it, but it
 * cannot do what was meant). WARNING: MetalLB accepts it but it is very likely not what was meant.
 *
 * @param code what kind of finding this is, stable across releases and languages (listed in the README)
 * @param text the message: MetalLB's verbatim, or lbctl's in English and in the language of this run
 * @param pool the pool the finding is about, or null
 * @param object the object the finding is about, as KIND NAME (e.g. {@code BGPAdvertisement bgp-0}), or null
 * @param origin where that object was read, or null
 * @param note lbctl's note on the message (kept out of MetalLB's text), or null
 */
public record Problem(Severity severity, String code, Sentence text, String pool, String object, Origin origin,
        Source source, Sentence note) {

    public enum Severity { ERROR, WARNING }

    /**
     * Who refuses: every MetalLB component (controller, its webhook and the speakers), only the speakers of one BGP
     * implementation (v0.12, whose controller does not check the implementation's options), or only lbctl.
     */
    public enum Source {
        METALLB("metallb"), SPEAKER_NATIVE("metallb-speaker-native"), SPEAKER_FRR("metallb-speaker-frr"), LBCTL("lbctl");

        private final String jsonName;

        Source(String jsonName) {
            this.jsonName = jsonName;
        }

        /** The name JSON output gives this source; stable, listed in the README. */
        public String jsonName() {
            return jsonName;
        }
    }

    /** The code of every error MetalLB itself raises: its message is the detail, verbatim. */
    public static final String METALLB_ERROR = "metallb-error";

    /** A MetalLB error without object or place, e.g. a failure reported by an input reader. */
    public static Problem error(String message, String pool) {
        return new Problem(Severity.ERROR, METALLB_ERROR, Sentence.verbatim(message), pool, null, null, Source.METALLB, null);
    }

    /** lbctl could not read the input at all ({@code message} is the reader's sentence, already in the run's language). */
    public static Problem inputError(String message) {
        return new Problem(Severity.ERROR, "invalid-input", Sentence.verbatim(message), null, null, null, Source.LBCTL, null);
    }

    /** A warning of lbctl's about the input as read, before any rule runs. */
    static Problem readWarning(String code, Sentence text) {
        return new Problem(Severity.WARNING, code, text, null, null, null, Source.LBCTL, null);
    }

    /** The message in English, as machine-read output carries it in every language: MetalLB's, every line of it. */
    public String message() {
        return text.english();
    }

    /** lbctl's note in English, or null. */
    public String hint() {
        return note == null ? null : note.english();
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** An error MetalLB itself would raise, in some component (lbctl's own refusals and warnings are not). */
    public boolean refusedByMetalLb() {
        return isError() && source != Source.LBCTL;
    }

    /** An error MetalLB's controller raises too, not only the speakers of one BGP implementation. */
    public boolean refusedByController() {
        return isError() && source == Source.METALLB;
    }

    /**
     * The message with the object and its place in front and the hint after it, for one-line human output, in the
     * language of this run.
     */
    public String describe() {
        // MetalLB's words stay verbatim (they are what users search for); a language other than English says whose they are.
        String line = oneLine(text.shown());
        String said = code.equals(METALLB_ERROR) ? Messages.get("problem.metallbSays", line) : line;
        String shown = note == null ? said : said + " (" + note.shown() + ")";
        if (object == null) {
            return shown;
        }
        String where = origin == null || origin.file() == null ? "" : " (" + origin.shown() + ")";
        return object + where + ": " + shown;
    }

    /**
     * Go's multi-line errors as one line: errors.Join's lines joined by "; ", and a list under a heading that ends
     * with ':' (yaml.v2's "unmarshal errors:", one indented line each) continued after it.
     */
    static String oneLine(String message) {
        String[] lines = message.split("\n");
        StringBuilder sb = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            sb.append(lines[i - 1].endsWith(":") ? " " : "; ").append(lines[i].strip());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return severity + ": " + describe();
    }
}
