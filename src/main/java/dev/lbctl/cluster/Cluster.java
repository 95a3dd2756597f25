package dev.lbctl.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The narrow gateway through which lbctl talks to Kubernetes. Objects cross it as plain maps (the JSON form of the
 * object), so nothing outside this package depends on the client library. Every method throws
 * {@link ClusterAccessException} when the cluster cannot be used and {@link ClusterTimeoutException} when a wait ends.
 */
public interface Cluster extends AutoCloseable {

    /** The API server's version, e.g. {@code v1.36.3}. */
    String serverVersion();

    /** The API server URL the kubeconfig points at, for messages. */
    String serverUrl();

    Optional<ConfigMapSnapshot> configMap(String namespace, String name);

    /** Writes data and annotations back only if nobody changed the ConfigMap since it was read. */
    ConfigMapSnapshot updateConfigMap(ConfigMapSnapshot changed) throws ConflictException;

    /** Whether the server serves this kind at this apiVersion (e.g. PodSecurityPolicy policy/v1beta1 before 1.25). */
    boolean serves(String apiVersion, String kind);

    /** Server-side apply with field manager {@code lbctl}; returns the object as the server stored it. */
    Map<String, Object> apply(Map<String, Object> object);

    /** Creates the object; fails with {@link ClusterAccessException} if it exists. */
    Map<String, Object> create(Map<String, Object> object);

    Optional<Map<String, Object>> get(String apiVersion, String kind, String namespace, String name);

    /** Lists objects of a kind in a namespace ({@code null} for all namespaces or cluster-scoped kinds). */
    List<Map<String, Object>> list(String apiVersion, String kind, String namespace);

    /**
     * Lists objects of a kind found by discovery, in a namespace ({@code null} for all), matching a label selector such
     * as {@code a=b} ({@code null} for all).
     */
    List<Map<String, Object>> list(ServedKind kind, String namespace, String labelSelector);

    /** Every kind the server serves that can be listed, at its group's preferred version (subresources excluded). */
    List<ServedKind> servedKinds();

    /** Deletes with background propagation (dependents are left to the garbage collector); false when it did not exist. */
    boolean delete(String apiVersion, String kind, String namespace, String name);

    /**
     * Waits, by watch, until the object satisfies the condition (an absent object is passed as empty), and returns the
     * last state seen. On timeout, throws {@link ClusterTimeoutException} naming {@code what} and the last state.
     */
    Optional<Map<String, Object>> await(String apiVersion, String kind, String namespace, String name,
                                        Predicate<Optional<Map<String, Object>>> condition, String what, Duration timeout);

    List<NodeInfo> nodes();

    /** Events whose involvedObject is the named object, oldest first. */
    List<Map<String, Object>> events(String namespace, String kind, String name);

    /** Restarts a DaemonSet's pods the way {@code kubectl rollout restart} does; false when it does not exist. */
    boolean restartDaemonSet(String namespace, String name);

    // ---- Read-only views for lbctl doctor ----------------------------------------------------------------------
    // Each is one list call built on list()/serves(), so every gateway (and every test fake) has them for free.

    /** Every Node object, with labels, {@code spec.unschedulable} and {@code status.conditions}. */
    default List<Map<String, Object>> nodeObjects() {
        return list("v1", "Node", null);
    }

    /** Pods in a namespace ({@code null}: every namespace). */
    default List<Map<String, Object>> pods(String namespace) {
        return list("v1", "Pod", namespace);
    }

    /** EndpointSlices (discovery.k8s.io/v1) in every namespace; empty where the API is not served. */
    default List<Map<String, Object>> endpointSlices() {
        return serves("discovery.k8s.io/v1", "EndpointSlice") ? list("discovery.k8s.io/v1", "EndpointSlice", null) : List.of();
    }

    /** Core Events in a namespace ({@code null}: every namespace), in the order the server lists them. */
    default List<Map<String, Object>> namespaceEvents(String namespace) {
        return list("v1", "Event", namespace);
    }

    default List<Map<String, Object>> validatingWebhookConfigurations() {
        return list("admissionregistration.k8s.io/v1", "ValidatingWebhookConfiguration", null);
    }

    /** Objects of a custom kind in a namespace; empty when the server does not serve that kind (CRD not installed). */
    default List<Map<String, Object>> customObjects(String apiVersion, String kind, String namespace) {
        return serves(apiVersion, kind) ? list(apiVersion, kind, namespace) : List.of();
    }

    @Override
    void close();
}
