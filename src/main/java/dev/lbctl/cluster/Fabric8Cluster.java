package dev.lbctl.cluster;

import dev.lbctl.i18n.Messages;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.internal.OperationSupport;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** The {@link Cluster} gateway over the fabric8 client; the only class that sees fabric8's types besides the connector. */
final class Fabric8Cluster implements Cluster {

    static final String FIELD_MANAGER = "lbctl";

    private final KubernetesClient client;
    private final ApiErrors errors;
    private final RawReads reads;
    private final Runnable afterClose;

    Fabric8Cluster(KubernetesClient client) {
        this(client, () -> { });
    }

    /** {@code afterClose} runs once the client is closed: ClusterConnector stops the HTTP client's threads there. */
    Fabric8Cluster(KubernetesClient client, Runnable afterClose) {
        this.client = client;
        this.errors = new ApiErrors(client.getMasterUrl().toString());
        this.reads = new RawReads(client.getHttpClient(), client.getKubernetesSerialization(),
                client.getConfiguration().getRequestTimeout());
        this.afterClose = afterClose;
    }

    @Override
    public String serverVersion() {
        return errors.call("get", Messages.get("cluster.object.serverVersion"), () -> client.getKubernetesVersion().getGitVersion());
    }

    @Override
    public String serverUrl() {
        return client.getMasterUrl().toString();
    }

    @Override
    public Optional<ConfigMapSnapshot> configMap(String namespace, String name) {
        return errors.call("get", Messages.get("cluster.object.configMap", namespace + "/" + name),
                () -> reads.get(url(client.configMaps().inNamespace(namespace).withName(name), null)))
                .map(Fabric8Cluster::snapshot);
    }

    @Override
    public ConfigMapSnapshot updateConfigMap(ConfigMapSnapshot changed) {
        String what = Messages.get("cluster.object.configMap", changed.namespace() + "/" + changed.name());
        return errors.callUpdate(what, () -> {
            ConfigMap cm = client.configMaps().inNamespace(changed.namespace()).withName(changed.name()).get();
            if (cm == null) {
                throw new ConflictException(Messages.get("cluster.deletedWhileChanging", what), null);
            }
            // Put back the version we read: the update is then refused (409) if anyone wrote in between.
            cm.getMetadata().setResourceVersion(changed.resourceVersion());
            cm.setData(new LinkedHashMap<>(changed.data()));
            cm.getMetadata().setAnnotations(new LinkedHashMap<>(changed.annotations()));
            return snapshot(toMap(client.configMaps().inNamespace(changed.namespace()).resource(cm).update()));
        });
    }

    @Override
    public boolean serves(String apiVersion, String kind) {
        APIResourceList resources = errors.call("discover", apiVersion, () -> client.getApiResources(apiVersion));
        return resources != null && resources.getResources().stream().map(APIResource::getKind).anyMatch(kind::equals);
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> object) {
        GenericKubernetesResource resource = toResource(object);
        return errors.call("apply", describe(object), () -> toMap(client.resource(resource)
                .fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply()));
    }

    @Override
    public Map<String, Object> create(Map<String, Object> object) {
        GenericKubernetesResource resource = toResource(object);
        return errors.call("create", describe(object), () -> toMap(client.resource(resource).create()));
    }

    @Override
    public Optional<Map<String, Object>> get(String apiVersion, String kind, String namespace, String name) {
        return errors.call("get", kind + " " + qualified(namespace, name),
                () -> reads.get(url(named(apiVersion, kind, namespace, name), null)));
    }

    @Override
    public List<Map<String, Object>> list(String apiVersion, String kind, String namespace) {
        return errors.call("list", inNamespace(kind, namespace), () -> {
            MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                    client.genericKubernetesResources(apiVersion, kind);
            return reads.list(url(namespace == null ? op : op.inNamespace(namespace), null));
        });
    }

    @Override
    public List<Map<String, Object>> list(ServedKind kind, String namespace, String labelSelector) {
        String what = inNamespace(labelSelector == null ? kind.kind()
                : Messages.get("cluster.object.labelled", kind.kind(), labelSelector), namespace);
        return errors.call("list", what, () -> {
            // Discovery gave the plural and scope, so no kind needs to be known to the client in advance.
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(kind.group())
                    .withVersion(kind.version()).withKind(kind.kind()).withPlural(kind.plural())
                    .withNamespaced(kind.namespaced()).build();
            var op = client.genericKubernetesResources(context);
            return reads.list(url(namespace == null ? op.inAnyNamespace() : op.inNamespace(namespace), labelSelector));
        });
    }

    @Override
    public List<ServedKind> servedKinds() {
        return errors.call("discover", Messages.get("cluster.object.servedKinds"), () -> {
            // The preferred version first: a group's kinds may live in different versions (metallb.io serves BGPPeer at
            // v1beta2, its preferred version, but IPAddressPool only at v1beta1).
            List<String> groupVersions = new ArrayList<>(List.of("v1"));
            client.getApiGroups().getGroups().forEach(g -> {
                groupVersions.add(g.getPreferredVersion().getGroupVersion());
                g.getVersions().forEach(v -> {
                    if (!v.getGroupVersion().equals(g.getPreferredVersion().getGroupVersion())) {
                        groupVersions.add(v.getGroupVersion());
                    }
                });
            });
            Map<String, ServedKind> kinds = new LinkedHashMap<>();
            for (String groupVersion : groupVersions) {
                APIResourceList resources = client.getApiResources(groupVersion);
                if (resources == null) {
                    continue;
                }
                int slash = groupVersion.indexOf('/');
                String group = slash < 0 ? "" : groupVersion.substring(0, slash);
                String version = groupVersion.substring(slash + 1);
                for (APIResource r : resources.getResources()) {
                    if (!r.getName().contains("/") && r.getVerbs() != null && r.getVerbs().contains("list")) {
                        ServedKind kind = new ServedKind(group, version, r.getKind(), r.getName(), Boolean.TRUE.equals(r.getNamespaced()));
                        kinds.putIfAbsent(kind.groupKind(), kind);
                    }
                }
            }
            return List.copyOf(kinds.values());
        });
    }

    @Override
    public boolean delete(String apiVersion, String kind, String namespace, String name) {
        return errors.call("delete", kind + " " + qualified(namespace, name), () -> {
            Resource<GenericKubernetesResource> r = named(apiVersion, kind, namespace, name);
            return !r.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete().isEmpty();
        });
    }

    @Override
    public Optional<Map<String, Object>> await(String apiVersion, String kind, String namespace, String name,
                                               Predicate<Optional<Map<String, Object>>> condition, String what, Duration timeout) {
        AtomicReference<Optional<Map<String, Object>>> last = new AtomicReference<>(Optional.empty());
        try {
            errors.call("watch", kind + " " + qualified(namespace, name), () -> named(apiVersion, kind, namespace, name)
                    .waitUntilCondition(r -> {
                        Optional<Map<String, Object>> state = Optional.ofNullable(r).map(this::toMap);
                        last.set(state);
                        return condition.test(state);
                    }, timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (KubernetesClientTimeoutException e) {
            throw new ClusterTimeoutException(Messages.get("cluster.waitTimedOut", format(timeout), what));
        } catch (ClusterAccessException e) {
            if (e.getCause() instanceof KubernetesClientTimeoutException) {
                throw new ClusterTimeoutException(Messages.get("cluster.waitTimedOut", format(timeout), what));
            }
            throw e;
        }
        return last.get();
    }

    @Override
    public List<NodeInfo> nodes() {
        return errors.call("list", Messages.get("cluster.object.nodes"), () -> reads.list(url(client.nodes(), null)).stream()
                .map(Fabric8Cluster::nodeInfo).toList());
    }

    @Override
    public List<Map<String, Object>> events(String namespace, String kind, String name) {
        return errors.call("list", Messages.get("cluster.object.events", kind + " " + qualified(namespace, name)), () -> client.v1().events()
                .inNamespace(namespace)
                .withField("involvedObject.name", name)
                .withField("involvedObject.kind", kind)
                .list().getItems().stream()
                .sorted(Comparator.comparing(Fabric8Cluster::eventTime))
                .map(e -> toMap(client.getKubernetesSerialization().convertValue(e, GenericKubernetesResource.class)))
                .toList());
    }

    @Override
    public boolean restartDaemonSet(String namespace, String name) {
        return errors.call("patch", Messages.get("cluster.object.daemonSet", qualified(namespace, name)), () -> {
            Resource<DaemonSet> ds = client.apps().daemonSets().inNamespace(namespace).withName(name);
            if (ds.get() == null) {
                return false;
            }
            ds.edit(d -> {
                var template = d.getSpec().getTemplate();
                if (template.getMetadata().getAnnotations() == null) {
                    template.getMetadata().setAnnotations(new HashMap<>());
                }
                // The same annotation kubectl rollout restart sets: a template change rolls every pod.
                template.getMetadata().getAnnotations().put("kubectl.kubernetes.io/restartedAt", Instant.now().toString());
                return d;
            });
            return true;
        });
    }

    @Override
    public void close() {
        client.close();
        afterClose.run();
    }

    private Resource<GenericKubernetesResource> named(String apiVersion, String kind, String namespace, String name) {
        MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                client.genericKubernetesResources(apiVersion, kind);
        NonNamespaceOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> scoped =
                namespace == null ? op : op.inNamespace(namespace);
        return scoped.withName(name);
    }

    /**
     * Where fabric8 would send this read: its URL building and its kind-to-resource mapping (from the registered
     * model classes, else discovery) stay the one source of truth. {@code labelSelector} may be null.
     */
    private static java.net.URL url(Object operation, String labelSelector) {
        try {
            java.net.URL url = ((OperationSupport) operation).getResourceUrl();
            return labelSelector == null ? url : new java.net.URL(url + "?labelSelector="
                    + java.net.URLEncoder.encode(labelSelector, java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.net.MalformedURLException e) {
            throw KubernetesClientException.launderThrowable(e);
        }
    }

    private GenericKubernetesResource toResource(Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object resource) {
        return resource == null ? null : client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    private static ConfigMapSnapshot snapshot(Map<String, Object> cm) {
        Map<String, Object> meta = Fields.map(cm, "metadata");
        return new ConfigMapSnapshot(Fields.string(meta, "namespace"), Fields.string(meta, "name"), strings(Fields.map(cm, "data")),
                strings(Fields.map(meta, "annotations")), Fields.string(meta, "resourceVersion"));
    }

    private static NodeInfo nodeInfo(Map<String, Object> node) {
        List<String> ips = new ArrayList<>();
        for (Object a : Fields.list(Fields.map(node, "status"), "addresses")) {
            if (a instanceof Map<?, ?> address && "InternalIP".equals(address.get("type")) && address.get("address") instanceof String ip) {
                ips.add(ip);
            }
        }
        Map<String, Object> spec = Fields.map(node, "spec");
        List<String> podCidrs = new ArrayList<>();
        Fields.list(spec, "podCIDRs").forEach(c -> podCidrs.add(String.valueOf(c)));
        if (podCidrs.isEmpty() && Fields.string(spec, "podCIDR") != null) {
            podCidrs.add(Fields.string(spec, "podCIDR"));
        }
        Map<String, Object> meta = Fields.map(node, "metadata");
        return new NodeInfo(Fields.string(meta, "name"), ips, podCidrs, strings(Fields.map(meta, "labels")));
    }

    /** A string map of the API (data, labels, annotations), as the JSON tree holds it. */
    private static Map<String, String> strings(Map<String, Object> map) {
        Map<String, String> strings = new LinkedHashMap<>();
        map.forEach((k, v) -> strings.put(k, String.valueOf(v)));
        return strings;
    }

    private static String eventTime(Event e) {
        if (e.getLastTimestamp() != null) {
            return e.getLastTimestamp();
        }
        if (e.getEventTime() != null && e.getEventTime().getTime() != null) {
            return e.getEventTime().getTime();
        }
        return Objects.requireNonNullElse(e.getMetadata().getCreationTimestamp(), "");
    }

    @SuppressWarnings("unchecked")
    private static String describe(Map<String, Object> object) {
        Map<String, Object> meta = (Map<String, Object>) object.getOrDefault("metadata", Map.of());
        return object.get("kind") + " " + qualified((String) meta.get("namespace"), (String) meta.get("name"));
    }

    /** Objects of a kind, in a namespace or (null) in all of them. */
    private static String inNamespace(String objects, String namespace) {
        return namespace == null ? objects : Messages.get("cluster.object.inNamespace", objects, namespace);
    }

    static String qualified(String namespace, String name) {
        return namespace == null ? name : namespace + "/" + name;
    }

    static String format(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + "m" : s + "s";
    }
}
