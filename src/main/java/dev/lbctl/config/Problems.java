package dev.lbctl.config;

import dev.lbctl.i18n.Sentence;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects the findings of one validation run in the order MetalLB would meet them. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();
    /** Address entries already reported as invalid ("pool\0address"), so a later phase does not report them again. */
    private final Set<String> invalidAddresses = new HashSet<>();

    void error(String message, String pool) {
        error(message, pool, null, null);
    }

    /** A MetalLB error with lbctl's note on it, kept out of MetalLB's text. */
    void errorWithHint(String message, Sentence hint) {
        add(Problem.Severity.ERROR, Problem.METALLB_ERROR, Sentence.verbatim(message), null, null, null,
                Problem.Source.METALLB, hint);
    }

    /** An error MetalLB raises about an object whose name its message does not carry. */
    void error(String message, String pool, String object, Origin origin) {
        error(message, pool, object, origin, null);
    }

    /** The same, with lbctl's note on it (kept out of MetalLB's text). */
    void error(String message, String pool, String object, Origin origin, Sentence hint) {
        add(Problem.Severity.ERROR, Problem.METALLB_ERROR, Sentence.verbatim(message), pool, object, origin,
                Problem.Source.METALLB, hint);
    }

    /**
     * An error only the speakers of this BGP implementation raise: in v0.12 the controller parses with
     * {@code DontValidate} ("the controller is not aware of the mode, we defer the validation to the speaker").
     */
    void speakerError(ConfigValidator.BgpMode mode, String message, String pool) {
        add(Problem.Severity.ERROR, Problem.METALLB_ERROR, Sentence.verbatim(message), pool, null, null,
                mode == ConfigValidator.BgpMode.FRR ? Problem.Source.SPEAKER_FRR : Problem.Source.SPEAKER_NATIVE, null);
    }

    /** An error that is not MetalLB's, though MetalLB's configuration cannot hold it either (e.g. Kubernetes refuses it). */
    void refusal(String code, String pool, String key, Object... args) {
        add(Problem.Severity.ERROR, code, Sentence.of(key, args), pool, null, null, Problem.Source.METALLB, null);
    }

    /** A refusal of lbctl's own: MetalLB accepts this. */
    void lbctlError(String code, String pool, String key, Object... args) {
        add(Problem.Severity.ERROR, code, Sentence.of(key, args), pool, null, null, Problem.Source.LBCTL, null);
    }

    void warning(String code, String pool, String key, Object... args) {
        add(Problem.Severity.WARNING, code, Sentence.of(key, args), pool, null, null, Problem.Source.LBCTL, null);
    }

    void add(Problem problem) {
        found.add(problem);
    }

    /** Records that this address entry was reported invalid; false if it already was. */
    boolean firstInvalidAddress(String pool, String address) {
        return invalidAddresses.add(pool + "\0" + address);
    }

    List<Problem> toList() {
        return List.copyOf(found);
    }

    private void add(Problem.Severity severity, String code, Sentence text, String pool, String object, Origin origin,
            Problem.Source source, Sentence hint) {
        found.add(new Problem(severity, code, text, pool, object, origin, source, hint));
    }
}
