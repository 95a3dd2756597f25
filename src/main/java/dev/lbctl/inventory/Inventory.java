package dev.lbctl.inventory;

import dev.lbctl.cluster.Fields;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What the ApplySet parent records beside the KEP's annotations: the group-kinds its members may have, the MetalLB
 * release lbctl installed (empty when lbctl only added pools to a MetalLB someone else installed), and, for the
 * ConfigMap releases, the user's {@code config} text as it was before lbctl merged its pools into it, so uninstall can
 * give it back byte for byte.
 */
public record Inventory(SortedSet<String> groupKinds, Optional<String> release, Optional<String> legacyConfigBefore) {

    static final String RELEASE_KEY = "metallb-release";
    static final String LEGACY_CONFIG_KEY = "config-before-lbctl";

    public Inventory {
        groupKinds = new TreeSet<>(groupKinds);
    }

    public static Inventory empty() {
        return new Inventory(new TreeSet<>(), Optional.empty(), Optional.empty());
    }

    /** Whether lbctl installed MetalLB itself (rather than only pools into someone else's). */
    public boolean installedMetalLb() {
        return release.isPresent();
    }

    public Inventory withGroupKinds(SortedSet<String> kinds) {
        return new Inventory(kinds, release, legacyConfigBefore);
    }

    public Inventory withRelease(Optional<String> tag) {
        return new Inventory(groupKinds, tag, legacyConfigBefore);
    }

    public Inventory withLegacyConfigBefore(Optional<String> text) {
        return new Inventory(groupKinds, release, text);
    }

    public static Inventory fromParent(Map<String, Object> parent) {
        Map<String, Object> annotations = Fields.map(Fields.map(parent, "metadata"), "annotations");
        Map<String, Object> data = Fields.map(parent, "data");
        String kinds = Optional.ofNullable(Fields.string(annotations, ApplySet.GROUP_KINDS_ANNOTATION)).orElse("");
        SortedSet<String> groupKinds = new TreeSet<>();
        Arrays.stream(kinds.split(",")).map(String::trim).filter(k -> !k.isEmpty()).forEach(groupKinds::add);
        return new Inventory(groupKinds, Optional.ofNullable(Fields.string(data, RELEASE_KEY)),
                Optional.ofNullable(Fields.string(data, LEGACY_CONFIG_KEY)));
    }

    /** The parent ConfigMap, as applied. */
    public Map<String, Object> toParent(ApplySet applySet) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", applySet.parent().name());
        metadata.put("namespace", applySet.parent().namespace());
        metadata.put("labels", Map.of(ApplySet.ID_LABEL, applySet.id()));
        metadata.put("annotations", Map.of(
                ApplySet.TOOLING_ANNOTATION, ApplySet.TOOLING,
                ApplySet.GROUP_KINDS_ANNOTATION, String.join(",", groupKinds)));
        Map<String, Object> data = new LinkedHashMap<>();
        release.ifPresent(r -> data.put(RELEASE_KEY, r));
        legacyConfigBefore.ifPresent(t -> data.put(LEGACY_CONFIG_KEY, t));
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        cm.put("metadata", metadata);
        cm.put("data", data);
        return cm;
    }
}
