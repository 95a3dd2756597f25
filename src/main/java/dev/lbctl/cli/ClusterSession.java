package dev.lbctl.cli;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterConnector;
import dev.lbctl.cluster.ClusterOptions;

/**
 * Connects to the cluster on first use and closes the client at the end of the command. Commands that need no cluster
 * never touch this, so they never pay for building a client.
 */
final class ClusterSession implements AutoCloseable {

    private final GlobalOptions global;
    private Cluster cluster;

    ClusterSession(GlobalOptions global) {
        this.global = global;
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
