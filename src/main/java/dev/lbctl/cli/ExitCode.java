package dev.lbctl.cli;

/** The one exit-code contract of every lbctl command and output format (listed in --help). */
public final class ExitCode {
    public static final int OK = 0;
    /** A check or verification failed, or a change is needed. */
    public static final int CHECK_FAILED = 1;
    public static final int USAGE = 2;
    /** Invalid input: a pool, a config file, a Services file, a manifest. */
    public static final int INVALID_INPUT = 3;
    /** The cluster could not be used: unreachable, unauthorized, forbidden, or an API error. */
    public static final int CLUSTER_ACCESS = 4;
    public static final int TIMED_OUT = 5;
    /** The results could not be written to stdout: what reached it is incomplete. */
    public static final int OUTPUT_FAILED = 6;

    private ExitCode() {
    }

    /** The codes --help lists, in order; their meanings are the catalog's {@code exitCode.N}. */
    static final int[] LISTED = {OK, CHECK_FAILED, USAGE, INVALID_INPUT, CLUSTER_ACCESS, TIMED_OUT, OUTPUT_FAILED, 130, 143};
}
