package dev.lbctl.cli;

/** A failure the command already explained in one sentence, carrying the exit code to use. */
public class LbctlFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public LbctlFailure(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public LbctlFailure(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public int exitCode() {
        return exitCode;
    }
}
