package dev.lbctl.startup;

import java.lang.management.ManagementFactory;

/**
 * Where a run's time goes, for the start-up profile in the README: with {@code -Dlbctl.phases=true} (e.g.
 * {@code LBCTL_JAVA_OPTS=-Dlbctl.phases=true lbctl --version}) the run ends by printing to stderr, one line each,
 * {@code phase NAME MS}: the JVM's start up to lbctl's main, then each phase's wall time since the previous mark.
 * Without the property a mark costs one static read.
 */
public final class PhaseClock {

    private static final boolean ON = Boolean.getBoolean("lbctl.phases");
    private static final long FIRST = System.nanoTime();
    private static long last = FIRST;
    private static final StringBuilder LINES = new StringBuilder();

    private PhaseClock() {
    }

    /** Starts the clock (this class's initialization does): the first phase begins here. */
    public static void start() {
        // nothing else to do
    }

    /** Ends the phase {@code name}, which began at the previous mark (the first one at start). */
    public static void mark(String name) {
        if (ON) {
            long now = System.nanoTime();
            LINES.append("phase ").append(name).append(' ').append(millis(now - last)).append('\n');
            last = now;
        }
    }

    /**
     * Prints the phases, after the JVM's start-up: its uptime (JMX, loaded only now, in milliseconds) less the time
     * since main. The uptime is read first: loading JMX takes 10 ms or more, which must count on both sides or in
     * neither (it used to count in the JVM's start-up alone).
     */
    public static void print() {
        if (ON) {
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long sinceMain = System.nanoTime() - FIRST;
            System.err.print("phase jvm-start-to-main " + millis(uptime * 1_000_000 - sinceMain) + "\n" + LINES);
        }
    }

    private static double millis(long nanos) {
        return nanos / 100_000 / 10.0;
    }
}
