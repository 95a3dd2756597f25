package dev.lbctl.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.nio.file.Files;

/**
 * Builds the client from the kubeconfig. Called only by commands that need a cluster, and only once they do: building
 * a client costs most of a second, which offline commands must not pay. TLS verification stays on unless the
 * kubeconfig itself says {@code insecure-skip-tls-verify}.
 */
public final class ClusterConnector {

    private ClusterConnector() {
    }

    /**
     * Without a kubeconfig the client would fall back to https://kubernetes.default.svc, a name that only means
     * something inside a pod; outside one, say what is missing instead of trying to reach it.
     */
    private static void requireSomeConfiguration() {
        String env = System.getenv("KUBECONFIG");
        boolean inCluster = System.getenv("KUBERNETES_SERVICE_HOST") != null;
        boolean homeConfig = Files.isReadable(java.nio.file.Path.of(System.getProperty("user.home"), ".kube", "config"));
        if ((env == null || env.isBlank()) && !homeConfig && !inCluster) {
            throw new ClusterAccessException("no kubeconfig found: pass --kubeconfig, set $KUBECONFIG, or create ~/.kube/config");
        }
    }

    public static Cluster connect(ClusterOptions options) {
        Config config;
        try {
            if (options.kubeconfig() != null) {
                if (!Files.isReadable(options.kubeconfig())) {
                    throw new ClusterAccessException("cannot read the kubeconfig " + options.kubeconfig());
                }
                config = Config.fromKubeconfig(options.context(), options.kubeconfig().toFile());
            } else {
                requireSomeConfiguration();
                config = Config.autoConfigure(options.context());
            }
        } catch (KubernetesClientException | IllegalArgumentException e) {
            throw new ClusterAccessException("cannot load the kubeconfig"
                    + (options.kubeconfig() != null ? " " + options.kubeconfig() : "")
                    + (options.context() != null ? " with context \"" + options.context() + "\"" : "")
                    + ": " + e.getMessage(), e);
        }
        if (options.context() != null && (config.getCurrentContext() == null
                || !options.context().equals(config.getCurrentContext().getName()))) {
            throw new ClusterAccessException("the kubeconfig has no context \"" + options.context() + "\"");
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new ClusterAccessException("no cluster configured: set --kubeconfig, $KUBECONFIG or ~/.kube/config");
        }
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, options.requestTimeout().toMillis());
        config.setRequestTimeout(timeoutMs);
        config.setConnectionTimeout(Math.min(timeoutMs, 10_000));
        // A few quick retries ride out "429 storage is (re)initializing" right after CRDs are created; more would
        // only delay the answer when the server is really unreachable.
        config.setRequestRetryBackoffLimit(3);
        config.setRequestRetryBackoffInterval(200);
        // Over HTTP/2 the API server answers an unauthenticated request with GOAWAY, which the JDK client reports
        // instead of the 401; HTTP/1.1 gets the real status, and a short-lived CLI loses nothing by it.
        config.setHttp2Disable(true);
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
        return new Fabric8Cluster(client);
    }
}
