package dev.lbctl.allocator;

/**
 * A Go {@code error} from MetalLB's allocator or controller, carrying MetalLB's exact message. It is control flow,
 * not a bug: a pending Service at the end of a large simulation is ordinary, so no stack trace is recorded.
 */
final class AllocationError extends Exception {
    private static final long serialVersionUID = 1L;

    AllocationError(String message) {
        super(message, null, false, false);
    }
}
