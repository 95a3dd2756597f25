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
     * since main, both taken once JMX is loaded. Loading it takes 15-20 ms, which used to count in the JVM's start-up;
     * it is a phase of its own now ({@code phase-clock-jmx}), one that a run without the property never has.
     */
    public static void print() {
        if (ON) {
            long before = System.nanoTime();
            long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
            long now = System.nanoTime();
            System.err.print("phase jvm-start-to-main " + millis(uptime * 1_000_000 - (now - FIRST)) + "\n" + LINES
                    + "phase phase-clock-jmx " + millis(now - before) + "\n");
        }
    }

    private static double millis(long nanos) {
        return nanos / 100_000 / 10.0;
    }
}
