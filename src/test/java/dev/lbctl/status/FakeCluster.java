package dev.lbctl.status;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.Fields;
import dev.lbctl.cluster.NodeInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.yaml.snakeyaml.Yaml;

/**
 * A read-only, map-backed {@link Cluster}: the objects of a YAML fixture (several documents), served by kind,
 * namespace and name. Kinds of group metallb.io are served only when the fixture holds one of them or names them in
 * {@link #serving}. Events are fixture objects of kind Event, matched by involvedObject.
 */
public final class FakeCluster implements Cluster {

    private final List<Map<String, Object>> objects = new ArrayList<>();
    private final Set<String> served = new HashSet<>();
    public final List<String> calls = new ArrayList<>();

    public static FakeCluster of(String yaml) {
        FakeCluster cluster = new FakeCluster();
        for (Object doc : new Yaml().loadAll(yaml)) {
            if (doc != null) {
                @SuppressWarnings("unchecked")
                Map<String, Object> object = (Map<String, Object>) doc;
                cluster.objects.add(object);
                cluster.served.add(object.get("apiVersion") + " " + object.get("kind"));
            }
        }
        return cluster;
    }

    /** Serves a kind with no objects (an installed CRD without resources). */
    public FakeCluster serving(String apiVersion, String kind) {
        served.add(apiVersion + " " + kind);
        return this;
    }

    @Override
    public boolean serves(String apiVersion, String kind) {
        calls.add("serves " + apiVersion + " " + kind);
        return !apiVersion.startsWith("metallb.io/") || served.contains(apiVersion + " " + kind);
    }

    @Override
    public Optional<Map<String, Object>> get(String apiVersion, String kind, String namespace, String name) {
        calls.add("get " + kind + " " + namespace + "/" + name);
        return objects.stream().filter(o -> kind.equals(o.get("kind")) && Objects.equals(namespace, Fields.namespace(o))
                && name.equals(Fields.name(o))).findFirst();
    }

    @Override
    public List<Map<String, Object>> list(String apiVersion, String kind, String namespace) {
        calls.add("list " + kind + " " + (namespace == null ? "*" : namespace));
        if (!serves(apiVersion, kind)) {
            throw new IllegalStateException("listed a kind the cluster does not serve: " + apiVersion + " " + kind);
        }
        return objects.stream().filter(o -> kind.equals(o.get("kind"))
                && (namespace == null || namespace.equals(Fields.namespace(o)))).toList();
    }

    @Override
    public List<Map<String, Object>> list(dev.lbctl.cluster.ServedKind kind, String namespace, String labelSelector) {
        String[] keyValue = labelSelector == null ? null : labelSelector.split("=", 2);
        return list(kind.apiVersion(), kind.kind(), namespace).stream()
                .filter(o -> keyValue == null || keyValue[1].equals(Fields.map(Fields.map(o, "metadata"), "labels").get(keyValue[0]))).toList();
    }

    @Override
    public List<dev.lbctl.cluster.ServedKind> servedKinds() {
        throw new UnsupportedOperationException("discovery");
    }

    @Override
    public Optional<ConfigMapSnapshot> configMap(String namespace, String name) {
        return get("v1", "ConfigMap", namespace, name).map(cm -> {
            @SuppressWarnings("unchecked")
            Map<String, String> data = (Map<String, String>) (Map<?, ?>) Fields.map(cm, "data");
            return new ConfigMapSnapshot(namespace, name, data, Map.of(), "1");
        });
    }

    @Override
    public List<Map<String, Object>> events(String namespace, String kind, String name) {
        calls.add("events " + kind + " " + namespace + "/" + name);
        return objects.stream().filter(o -> "Event".equals(o.get("kind"))).filter(e -> {
            Map<String, Object> involved = Fields.map(e, "involvedObject");
            return kind.equals(Fields.string(involved, "kind")) && namespace.equals(Fields.namespace(e))
                    && name.equals(Fields.string(involved, "name"));
        }).toList();
    }

    @Override
    public String serverVersion() {
        return "v1.36.3";
    }

    @Override
    public String serverUrl() {
        return "https://fake.invalid";
    }

    @Override
    public ConfigMapSnapshot updateConfigMap(ConfigMapSnapshot changed) {
        throw new UnsupportedOperationException("status must not write");
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> object) {
        throw new UnsupportedOperationException("status must not write");
    }

    @Override
    public Map<String, Object> create(Map<String, Object> object) {
        throw new UnsupportedOperationException("status must not write");
    }

    @Override
    public boolean delete(String apiVersion, String kind, String namespace, String name) {
        throw new UnsupportedOperationException("status must not write");
    }

    @Override
    public Optional<Map<String, Object>> await(String apiVersion, String kind, String namespace, String name,
            Predicate<Optional<Map<String, Object>>> condition, String what, Duration timeout) {
        throw new UnsupportedOperationException("status does not wait");
    }

    @Override
    public List<NodeInfo> nodes() {
        return List.of();
    }

    @Override
    public boolean restartDaemonSet(String namespace, String name) {
        throw new UnsupportedOperationException("status must not write");
    }

    @Override
    public void close() {
    }
}
