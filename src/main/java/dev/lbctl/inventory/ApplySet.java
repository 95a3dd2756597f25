package dev.lbctl.inventory;

import dev.lbctl.cluster.Fields;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * lbctl's inventory as a Kubernetes ApplySet (KEP-3659, the convention of {@code kubectl apply --applyset --prune}): a
 * parent ConfigMap whose {@value #ID_LABEL} label is derived from its own identity, and on every object lbctl created
 * the label {@value #PART_OF_LABEL} with that id. Membership is therefore a label on the object itself, readable by
 * anyone with kubectl; the parent lists the group-kinds to look in, so uninstall needs no manifests and no network.
 */
public final class ApplySet {

    public static final String ID_LABEL = "applyset.kubernetes.io/id";
    public static final String PART_OF_LABEL = "applyset.kubernetes.io/part-of";
    public static final String GROUP_KINDS_ANNOTATION = "applyset.kubernetes.io/contains-group-kinds";
    public static final String TOOLING_ANNOTATION = "applyset.kubernetes.io/tooling";
    public static final String TOOLING = "lbctl/v1";

    /** The parent: a ConfigMap in MetalLB's namespace (an ApplySet parent must be namespaced to hold namespaced members). */
    public static final String PARENT_NAME = "lbctl-inventory";

    private final String namespace;

    public ApplySet(String namespace) {
        this.namespace = namespace;
    }

    public String namespace() {
        return namespace;
    }

    public ObjectRef parent() {
        return new ObjectRef("", "ConfigMap", namespace, PARENT_NAME);
    }

    /** The KEP's id: {@code applyset-<base64url(sha256(<name>.<namespace>.<kind>.<group>))>-v1}. */
    public String id() {
        ObjectRef p = parent();
        String key = p.name() + "." + p.namespace() + "." + p.kind() + "." + p.group();
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "applyset-" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash) + "-v1";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The label selector that finds the members. */
    public String memberSelector() {
        return PART_OF_LABEL + "=" + id();
    }

    public boolean isMember(Map<String, Object> object) {
        return id().equals(Fields.map(Fields.map(object, "metadata"), "labels").get(PART_OF_LABEL));
    }

    /** A copy of the object carrying the membership label, for applying. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMember(Map<String, Object> object) {
        Map<String, Object> copy = new LinkedHashMap<>(object);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) copy.getOrDefault("metadata", Map.of()));
        Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) metadata.getOrDefault("labels", Map.of()));
        labels.put(PART_OF_LABEL, id());
        metadata.put("labels", labels);
        copy.put("metadata", metadata);
        return copy;
    }
}
