package dev.lbctl.metallb;

import java.util.Map;
import java.util.Optional;

/** One Kubernetes object of a manifest, as the YAML document it was read from. */
public record ManifestObject(String apiVersion, String kind, String name, Optional<String> namespace,
        Map<String, Object> document) {

    /** "Deployment metallb-system/controller", "PodSecurityPolicy controller": for warnings and plans. */
    public String describe() {
        return kind + " " + namespace.map(ns -> ns + "/").orElse("") + name;
    }
}
