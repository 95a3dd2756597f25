package dev.lbctl.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lbctl.i18n.Messages;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.ServiceCIDR;
import io.fabric8.kubernetes.api.model.policy.v1beta1.PodSecurityPolicy;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * Builds the client from the kubeconfig. Called only by commands that need a cluster, and only once they do: building
 * a client costs most of a second, which offline commands must not pay. TLS verification stays on unless the
 * kubeconfig itself says {@code insecure-skip-tls-verify}.
 */
public final class ClusterConnector {

    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofHours(24);
    private static final String PKCS12_KEY_ITERATIONS = "keystore.pkcs12.keyPbeIterationCount";

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
            throw new ClusterAccessException(Messages.get("cluster.noKubeconfig"));
        }
    }

    /**
     * The built-in kinds lbctl reads, applies or waits on, MetalLB's manifests of every supported release included (an
     * old one has a PodSecurityPolicy). fabric8 maps a kind to its model class only when the class is
     * registered; by default it registers all of them through ServiceLoader, which loads hundreds of classes and costs
     * a cold JVM most of a second. A kind missing here still works: fabric8 then asks the server for its plural and
     * scope once per client.
     */
    private static final List<Class<? extends io.fabric8.kubernetes.api.model.KubernetesResource>> KINDS = List.of(
            Status.class, ConfigMap.class, Secret.class, Service.class, ServiceAccount.class, Namespace.class, Node.class,
            Pod.class, Endpoints.class, Event.class, Deployment.class, DaemonSet.class, EndpointSlice.class,
            ServiceCIDR.class, Role.class, RoleBinding.class, ClusterRole.class, ClusterRoleBinding.class,
            CustomResourceDefinition.class, ValidatingWebhookConfiguration.class, PodSecurityPolicy.class);

    private static KubernetesSerialization serialization() {
        KubernetesSerialization serialization = new KubernetesSerialization(new ObjectMapper(), false);
        KINDS.forEach(serialization::registerKubernetesResource);
        return serialization;
    }

    public static Cluster connect(ClusterOptions options) {
        // fabric8 keeps the kubeconfig's client key in an in-memory PKCS12 KeyStore under a throw-away password. The
        // JDK protects such a key with 10000 PBKDF2 rounds, twice (store and read back): a fifth of a second in a cold
        // JVM, guarding a store that never leaves this process. lbctl writes no key store of its own.
        if (System.getProperty(PKCS12_KEY_ITERATIONS) == null) {
            System.setProperty(PKCS12_KEY_ITERATIONS, "1");
        }
        Duration requestTimeout = options.requestTimeout();
        if (requestTimeout.isNegative() || requestTimeout.isZero() || requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            throw new ClusterAccessException(Messages.get("cluster.badRequestTimeout", requestTimeout.toSeconds()));
        }
        Config config;
        try {
            if (options.kubeconfig() != null) {
                KubeconfigFile.check(options.kubeconfig());
                config = Config.fromKubeconfig(options.context(), options.kubeconfig().toFile());
            } else {
                requireSomeConfiguration();
                KubeconfigFile.fromEnvironment().ifPresent(KubeconfigFile::check);
                config = Config.autoConfigure(options.context());
            }
        } catch (KubernetesClientException | IllegalArgumentException | NullPointerException | ClassCastException e) {
            // fabric8's own words for a malformed file are about its code ("Cannot invoke ... because ... is null"),
            // so they are not repeated.
            String file = options.kubeconfig() != null ? " " + options.kubeconfig() : "";
            throw new ClusterAccessException(options.context() == null ? Messages.get("cluster.invalidKubeconfig", file)
                    : Messages.get("cluster.invalidKubeconfigContext", file, options.context()), e);
        }
        if (options.context() != null && (config.getCurrentContext() == null
                || !options.context().equals(config.getCurrentContext().getName()))) {
            throw new ClusterAccessException(Messages.get("cluster.noContext", options.context()));
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw new ClusterAccessException(Messages.get("cluster.noCluster"));
        }
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, requestTimeout.toMillis());
        config.setRequestTimeout(timeoutMs);
        config.setConnectionTimeout(Math.min(timeoutMs, 10_000));
        // A few quick retries ride out "429 storage is (re)initializing" right after CRDs are created; more would
        // only delay the answer when the server is really unreachable.
        config.setRequestRetryBackoffLimit(3);
        config.setRequestRetryBackoffInterval(200);
        // Over HTTP/2 the API server answers an unauthenticated request with GOAWAY, which the JDK client reports
        // instead of the 401; HTTP/1.1 gets the real status, and a short-lived CLI loses nothing by it.
        config.setHttp2Disable(true);
        ExitFriendlyHttpClientFactory http = new ExitFriendlyHttpClientFactory();
        KubernetesClient client = new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientFactory(http)
                .withKubernetesSerialization(serialization())
                .build();
        return new Fabric8Cluster(client, http::stopClients);
    }
}
