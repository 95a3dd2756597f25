package dev.lbctl.install;

import dev.lbctl.metallb.MetalLbRelease;
import dev.lbctl.metallb.PoolObjects;
import java.util.LinkedHashMap;
import java.util.Map;

/** Marks MetalLB resources from a user's file as lbctl's, in MetalLB's namespace, so uninstall can find them. */
final class ManagedResources {

    private ManagedResources() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> label(Map<String, Object> resource, MetalLbRelease release) {
        Map<String, Object> copy = new LinkedHashMap<>(resource);
        Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) copy.getOrDefault("metadata", Map.of()));
        Map<String, Object> labels = new LinkedHashMap<>((Map<String, Object>) metadata.getOrDefault("labels", Map.of()));
        labels.put(PoolObjects.MANAGED_BY_LABEL, PoolObjects.MANAGED_BY_VALUE);
        metadata.put("labels", labels);
        metadata.put("namespace", release.namespace());
        copy.put("metadata", metadata);
        copy.remove("status");
        return copy;
    }
}
