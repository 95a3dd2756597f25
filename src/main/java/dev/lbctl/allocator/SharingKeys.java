package dev.lbctl.allocator;

/**
 * MetalLB's allocation {@code key}: the {@code allow-shared-ip} annotation and the backend key. Two services may use
 * one IP only when both sharing keys are set and equal and the backend keys are equal.
 *
 * @param backend {@code labels.Set(spec.selector).String()} for externalTrafficPolicy Local, else empty, so a Local
 *                and a Cluster service never share, and two Local services share only with identical selectors
 */
record SharingKeys(String sharing, String backend) {

    /** MetalLB's {@code sharingOK}, as a condition: its message is never shown (checkSharing reports another). */
    boolean canShareWith(SharingKeys existing) {
        return !existing.sharing.isEmpty() && !sharing.isEmpty() && existing.sharing.equals(sharing)
                && existing.backend.equals(backend);
    }

    boolean allowsSharing() {
        return !sharing.isEmpty();
    }
}
