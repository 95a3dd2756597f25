package dev.lbctl.cli;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterConnector;
import dev.lbctl.cluster.ClusterOptions;
import dev.lbctl.cluster.ClusterWarmup;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Connects to the cluster on first use and closes the client at the end of the command. Commands that need no cluster
 * never touch this, so they never pay for building a client.
 */
public final class ClusterSession implements AutoCloseable {

    private static final Set<String> VALUED_GLOBALS = Set.of("--context", "--request-timeout", "--lang");
    private static final Set<String> READS_FIRST = Set.of("check-strictarp", "status", "verify", "doctor", "install", "uninstall");

    private final GlobalOptions global;
    private Cluster cluster;

    ClusterSession(GlobalOptions global) {
        this.global = global;
    }

    /**
     * Starts {@link ClusterWarmup} when the arguments name a command that reads the cluster first thing, so that the
     * kubeconfig and TLS classes load while picocli parses. Only a guess from the raw words, like the launcher's: the
     * first word that is neither an option nor a global option's value is the command, and --kubeconfig may come
     * before or after it (a global option). A wrong guess costs the warm-up's work, never a different result.
     */
    public static void warmUp(String... args) {
        String command = null;
        String kubeconfig = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return;
            } else if (arg.startsWith("--kubeconfig=")) {
                kubeconfig = arg.substring("--kubeconfig=".length());
            } else if (arg.equals("--kubeconfig") && i + 1 < args.length) {
                kubeconfig = args[++i];
            } else if (VALUED_GLOBALS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-") && command == null) {
                command = arg;
            }
        }
        if (command != null && READS_FIRST.contains(command)) {
            try {
                ClusterWarmup.start(kubeconfig == null ? null : Path.of(kubeconfig));
            } catch (InvalidPathException e) {
                // picocli reports the value; nothing to warm up
            }
        }
    }

    Cluster cluster() {
        if (cluster == null) {
            cluster = ClusterConnector.connect(new ClusterOptions(global.kubeconfig(), global.context(), global.requestTimeout()));
        }
        return cluster;
    }

    @Override
    public void close() {
        if (cluster != null) {
            cluster.close();
        }
    }
}
