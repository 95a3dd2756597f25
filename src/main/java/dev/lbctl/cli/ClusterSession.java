package dev.lbctl.cli;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterConnector;
import dev.lbctl.cluster.ClusterOptions;
import dev.lbctl.cluster.ClusterWarmup;

/**
 * Connects to the cluster on first use and closes the client at the end of the command. Commands that need no cluster
 * never touch this, so they never pay for building a client.
 */
public final class ClusterSession implements AutoCloseable {

    private final GlobalOptions global;
    private Cluster cluster;

    ClusterSession(GlobalOptions global) {
        this.global = global;
    }

    /**
     * Starts {@link ClusterWarmup} when the arguments name a command that reads the cluster first thing, so that the
     * kubeconfig and TLS classes load while picocli parses. Only a guess from the raw words, like the launcher's: the
     * first word that is neither an option nor a global option's value is the command.
     */
    public static void warmUp(String... args) {
        if (System.getenv("LBCTL_NOWARM") != null) return; // TEMP
        java.nio.file.Path kubeconfig = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--kubeconfig=")) {
                kubeconfig = java.nio.file.Path.of(arg.substring("--kubeconfig=".length()));
            } else if (arg.equals("--kubeconfig") && i + 1 < args.length) {
                kubeconfig = java.nio.file.Path.of(args[++i]);
            } else if (VALUED_GLOBALS.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                if (READS_FIRST.contains(arg) && !java.util.Arrays.asList(args).contains("--help")
                        && !java.util.Arrays.asList(args).contains("-h")) {
                    ClusterWarmup.start(kubeconfig);
                }
                return;
            }
        }
    }

    private static final java.util.Set<String> VALUED_GLOBALS = java.util.Set.of("--context", "--request-timeout", "--lang");
    private static final java.util.Set<String> READS_FIRST = java.util.Set.of("check-strictarp", "status", "verify", "doctor", "install", "uninstall");

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
