package dev.lbctl.cluster;

/** A wait ran out of time; the message says what was awaited and what was last seen. Exit code 5. */
public class ClusterTimeoutException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterTimeoutException(String message) {
        super(message);
    }
}
