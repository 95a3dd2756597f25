package dev.lbctl.cluster;

import dev.lbctl.i18n.Messages;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
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
    private final Runnable afterClose;

    Fabric8Cluster(KubernetesClient client) {
        this(client, () -> { });
    }

    /** {@code afterClose} runs once the client is closed: ClusterConnector stops the HTTP client's threads there. */
    Fabric8Cluster(KubernetesClient client, Runnable afterClose) {
        this.client = client;
        this.errors = new ApiErrors(client.getMasterUrl().toString());
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
        ConfigMap cm = errors.call("get", Messages.get("cluster.object.configMap", namespace + "/" + name),
                () -> client.configMaps().inNamespace(namespace).withName(name).get());
        return Optional.ofNullable(cm).map(Fabric8Cluster::snapshot);
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
            return snapshot(client.configMaps().inNamespace(changed.namespace()).resource(cm).update());
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
                () -> Optional.ofNullable(named(apiVersion, kind, namespace, name).get()).map(this::toMap));
    }

    @Override
    public List<Map<String, Object>> list(String apiVersion, String kind, String namespace) {
        return errors.call("list", inNamespace(kind, namespace), () -> {
            MixedOperation<GenericKubernetesResource, GenericKubernetesResourceList, Resource<GenericKubernetesResource>> op =
                    client.genericKubernetesResources(apiVersion, kind);
            GenericKubernetesResourceList items = namespace == null ? op.list() : op.inNamespace(namespace).list();
            return items.getItems().stream().map(this::toMap).toList();
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
            var scoped = namespace == null ? op.inAnyNamespace() : op.inNamespace(namespace);
            var selected = labelSelector == null ? scoped : scoped.withLabelSelector(labelSelector);
            return selected.list().getItems().stream().map(this::toMap).toList();
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
        return errors.call("list", Messages.get("cluster.object.nodes"), () -> client.nodes().list().getItems().stream().map(Fabric8Cluster::nodeInfo).toList());
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

    private GenericKubernetesResource toResource(Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(Object resource) {
        return resource == null ? null : client.getKubernetesSerialization().convertValue(resource, Map.class);
    }

    private static ConfigMapSnapshot snapshot(ConfigMap cm) {
        return new ConfigMapSnapshot(cm.getMetadata().getNamespace(), cm.getMetadata().getName(),
                Objects.requireNonNullElse(cm.getData(), Map.of()),
                Objects.requireNonNullElse(cm.getMetadata().getAnnotations(), Map.of()),
                cm.getMetadata().getResourceVersion());
    }

    private static NodeInfo nodeInfo(Node node) {
        List<String> ips = new ArrayList<>();
        if (node.getStatus() != null && node.getStatus().getAddresses() != null) {
            for (NodeAddress a : node.getStatus().getAddresses()) {
                if ("InternalIP".equals(a.getType())) {
                    ips.add(a.getAddress());
                }
            }
        }
        List<String> podCidrs = new ArrayList<>();
        if (node.getSpec() != null) {
            if (node.getSpec().getPodCIDRs() != null && !node.getSpec().getPodCIDRs().isEmpty()) {
                podCidrs.addAll(node.getSpec().getPodCIDRs());
            } else if (node.getSpec().getPodCIDR() != null) {
                podCidrs.add(node.getSpec().getPodCIDR());
            }
        }
        return new NodeInfo(node.getMetadata().getName(), ips, podCidrs,
                Objects.requireNonNullElse(node.getMetadata().getLabels(), Map.of()));
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
