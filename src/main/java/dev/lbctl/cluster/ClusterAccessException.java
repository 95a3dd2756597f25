package dev.lbctl.cluster;

/** The cluster could not be used: unreachable, unauthorized, forbidden, or an API error. Exit code 4. */
public class ClusterAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ClusterAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    public ClusterAccessException(String message) {
        super(message);
    }
}
