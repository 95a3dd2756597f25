package dev.lbctl.inventory;

import dev.lbctl.cluster.Fields;
import java.util.Comparator;
import java.util.Map;

/**
 * One Kubernetes object by identity: group, kind, namespace (empty for cluster-scoped) and name. The version is not
 * part of it: the same object is served at several versions.
 */
public record ObjectRef(String group, String kind, String namespace, String name) implements Comparable<ObjectRef> {

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing((ObjectRef r) -> r.group()).thenComparing(ObjectRef::kind)
            .thenComparing(ObjectRef::namespace).thenComparing(ObjectRef::name);

    public ObjectRef {
        namespace = namespace == null ? "" : namespace;
    }

    public static ObjectRef of(Map<String, Object> object) {
        return new ObjectRef(group(String.valueOf(object.get("apiVersion"))), String.valueOf(object.get("kind")),
                Fields.namespace(object), Fields.name(object));
    }

    /** {@code metallb.io/v1beta1} → {@code metallb.io}; {@code v1} → the core group, empty. */
    public static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** {@code Kind.group}, or {@code Kind} for the core group, as the ApplySet annotation lists it. */
    public String groupKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    public boolean clusterScoped() {
        return namespace.isEmpty();
    }

    /** {@code Kind namespace/name} or {@code Kind name}, as messages name an object. */
    public String describe() {
        return kind + " " + (clusterScoped() ? name : namespace + "/" + name);
    }

    /** The kubectl command that deletes this object, for what a person has to remove by hand. */
    public String kubectlDelete() {
        String resource = (group.isEmpty() ? kind.toLowerCase(java.util.Locale.ROOT) : kind.toLowerCase(java.util.Locale.ROOT) + "." + group);
        return "kubectl delete " + resource + " " + name + (clusterScoped() ? "" : " -n " + namespace);
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return describe();
    }
}
