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

    /** The lines of --help's "Exit Codes:" section. */
    static String[] helpList() {
        return new String[] {
            "0:ok",
            "1:a check or verification failed, or a change is needed",
            "2:usage error",
            "3:invalid input (pool, config file, Services file, manifest)",
            "4:cluster access error (unreachable, unauthorized, forbidden, API error)",
            "5:timed out",
            "6:the results could not be written to stdout (what it holds is incomplete)",
            "130:interrupted (Ctrl-C); what was written so far is complete, re-run to finish",
            "143:terminated (SIGTERM); as for 130",
        };
    }
}
