package dev.lbctl.verify;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of a verify run: every check in order, and the view the article shows (pods and the Service with its
 * EXTERNAL-IP), as far as verify got.
 */
public record VerifyReport(
        String namespace,
        Optional<String> ip,
        Optional<String> pool,
        List<CheckResult> checks,
        List<String> pods,
        Optional<String> service) {

    public VerifyReport {
        checks = List.copyOf(checks);
        pods = List.copyOf(pods);
    }

    public boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(CheckResult::passed);
    }

    public boolean timedOut() {
        return checks.stream().anyMatch(c -> c.outcome() == CheckResult.Outcome.TIMED_OUT);
    }
}
