package dev.lbctl.cluster;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach the cluster: an explicit kubeconfig file (else $KUBECONFIG, then ~/.kube/config), a context (else the
 * current one), and the timeout of one API request.
 */
public record ClusterOptions(Path kubeconfig, String context, Duration requestTimeout) {
}
