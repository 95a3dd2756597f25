package dev.lbctl.cluster;

/** Someone changed the object since we read it (HTTP 409 on an update that carried a resourceVersion). */
public class ConflictException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
