package dev.lbctl.cluster;

import java.util.Map;

/** A ConfigMap as read, with the resourceVersion that makes a later update conditional on nobody else writing. */
public record ConfigMapSnapshot(
        String namespace, String name, Map<String, String> data, Map<String, String> annotations, String resourceVersion) {

    public ConfigMapSnapshot {
        data = Map.copyOf(data);
        annotations = Map.copyOf(annotations);
    }

    public ConfigMapSnapshot withData(Map<String, String> newData, Map<String, String> newAnnotations) {
        return new ConfigMapSnapshot(namespace, name, newData, newAnnotations, resourceVersion);
    }
}
