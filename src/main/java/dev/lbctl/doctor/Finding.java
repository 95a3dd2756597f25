package dev.lbctl.doctor;

import java.util.Locale;
import java.util.Objects;

/**
 * One thing {@code lbctl doctor} found.
 *
 * @param object what it is about, e.g. {@code Service default/web} or {@code Node worker-1}
 * @param message for people: the evidence, and MetalLB's release-specific behaviour where it matters
 * @param fix a command or YAML change; null when there is nothing to do (info)
 */
public record Finding(Severity severity, Code code, String object, String message, String fix) {

    public enum Severity {
        ERROR, WARNING, INFO;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Finding {
        Objects.requireNonNull(severity);
        Objects.requireNonNull(code);
        Objects.requireNonNull(object);
        Objects.requireNonNull(message);
    }

    static Finding error(Code code, String object, String message, String fix) {
        return new Finding(Severity.ERROR, code, object, message, fix);
    }

    static Finding warning(Code code, String object, String message, String fix) {
        return new Finding(Severity.WARNING, code, object, message, fix);
    }

    static Finding info(Code code, String object, String message) {
        return new Finding(Severity.INFO, code, object, message, null);
    }
}
