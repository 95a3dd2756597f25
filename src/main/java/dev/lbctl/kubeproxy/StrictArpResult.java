package dev.lbctl.kubeproxy;

import java.util.Objects;
import java.util.Optional;

/**
 * What MetalLB Layer 2 needs from kube-proxy's strict ARP setting. {@code reason} is one sentence for people;
 * {@code patchedText} and {@code diff} are present exactly when the status is {@link Status#NEEDS_CHANGE}.
 */
public record StrictArpResult(Status status, String reason, Optional<String> patchedText, Optional<String> diff) {

    public enum Status {
        /** kube-proxy does not run IPVS here, so no node answers ARP for addresses it does not own. */
        NOT_NEEDED,
        /** IPVS with strictARP already true. */
        OK,
        /** IPVS without strictARP: every node would answer ARP for every LoadBalancer IP. */
        NEEDS_CHANGE
    }

    public StrictArpResult {
        Objects.requireNonNull(status);
        Objects.requireNonNull(reason);
        if (patchedText.isPresent() != (status == Status.NEEDS_CHANGE) || diff.isPresent() != patchedText.isPresent()) {
            throw new IllegalArgumentException("a patched text and diff belong to NEEDS_CHANGE only");
        }
    }

    static StrictArpResult notNeeded(String reason) {
        return new StrictArpResult(Status.NOT_NEEDED, reason, Optional.empty(), Optional.empty());
    }

    static StrictArpResult ok(String reason) {
        return new StrictArpResult(Status.OK, reason, Optional.empty(), Optional.empty());
    }

    static StrictArpResult needsChange(String reason, String patchedText, String diff) {
        return new StrictArpResult(Status.NEEDS_CHANGE, reason, Optional.of(patchedText), Optional.of(diff));
    }
}
