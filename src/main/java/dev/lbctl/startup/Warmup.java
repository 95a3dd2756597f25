package dev.lbctl.startup;

import dev.lbctl.input.YamlDocuments;
import java.util.Set;

/**
 * Work a command will need, started on the second core while the main thread builds the picocli model: for a command
 * line that names a YAML file, the YAML parser's first use, which also starts java.util.logging for snakeyaml. It only
 * initializes classes and throws its results away; the main thread does the same work again, then without the
 * first-use cost, or waits for the one already under way. A daemon thread: it never delays the end of a run.
 * {@code -Dlbctl.warmup=false} turns it off (to measure what it saves).
 */
public final class Warmup {

    /** The options whose value is a YAML file (pool validate/simulate, config migrate). */
    static final Set<String> YAML_FILE_OPTIONS = Set.of("-f", "--file", "--services", "--nodes", "--endpoints");

    private Warmup() {
    }

    /** Starts the warm-up of YAML when these arguments name a YAML file. */
    public static void start(String[] args) {
        if ("false".equals(System.getProperty("lbctl.warmup")) || !namesYamlFile(args)) {
            return;
        }
        Thread thread = new Thread(new Task(), "lbctl-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /** A class, not a lambda: the first lambda of a run costs the JVM some milliseconds to link, on this thread. */
    private static final class Task implements Runnable {
        @Override
        public void run() {
            yaml();
        }
    }

    static boolean namesYamlFile(String[] args) {
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (YAML_FILE_OPTIONS.contains(eq < 0 ? arg : arg.substring(0, eq))) {
                return true;
            }
        }
        return false;
    }

    private static void yaml() {
        try {
            YamlDocuments.parse("warm-up: [1, {a: b}]\n---\nkey: value\n", "warm-up");
            YamlDocuments.compose("warm-up: [1, {a: b}]\n", "warm-up");
        } catch (RuntimeException e) {
            // only a warm-up: whatever went wrong here, the command meets it again and reports it
        }
    }
}
