package dev.lbctl.verify;

import java.time.Duration;

/** One verification check: what was checked, whether it passed, how long it took, and what was seen. */
public record CheckResult(String name, Outcome outcome, Duration duration, String message) {

    public enum Outcome { PASSED, FAILED, TIMED_OUT }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }
}
