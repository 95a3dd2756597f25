package dev.lbctl.verify;

import dev.lbctl.pool.MetalLbVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The namespace, Deployment and LoadBalancer Service verify creates: the article's nginx test. */
final class VerifyObjects {

    static final String NAME = "nginx";
    static final String APP_LABEL = "app.kubernetes.io/name";
    static final String APP = "lbctl-verify";
    static final String VERIFY_LABEL = "lbctl.dev/verify";

    private VerifyObjects() {
    }

    static Map<String, Object> namespace(VerifyOptions o) {
        return object("v1", "Namespace", Map.of("name", o.namespace(), "labels", Map.of(VERIFY_LABEL, "true")), null);
    }

    static Map<String, Object> deployment(VerifyOptions o) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "web");
        container.put("image", o.image());
        container.put("ports", List.of(Map.of("containerPort", containerPort(o))));
        // Readiness by HTTP, so "Ready" means the web server answers, as the article's test expects of nginx.
        container.put("readinessProbe", Map.of("httpGet", Map.of("path", "/", "port", containerPort(o)),
                "periodSeconds", 2));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("replicas", o.replicas());
        spec.put("selector", Map.of("matchLabels", Map.of(APP_LABEL, APP)));
        spec.put("template", Map.of(
                "metadata", Map.of("labels", Map.of(APP_LABEL, APP)),
                "spec", Map.of("containers", List.of(container))));
        return object("apps/v1", "Deployment", metadata(o, Map.of()), spec);
    }

    /**
     * The Service; {@code --ip} is requested the way the installed release reads it: the loadBalancerIPs annotation
     * from v0.13 (metallb.io/ from v0.14.9, metallb.universe.tf/ before), spec.loadBalancerIP for the ConfigMap releases.
     */
    static Map<String, Object> service(VerifyOptions o, MetalLbVersion version) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "LoadBalancer");
        spec.put("selector", Map.of(APP_LABEL, APP));
        spec.put("ports", List.of(Map.of("name", "http", "protocol", "TCP", "port", o.port(), "targetPort", containerPort(o))));
        String prefix = annotationPrefix(version);
        o.requestedIp().ifPresent(ip -> {
            if (version.usesConfigMap()) {
                spec.put("loadBalancerIP", ip);
            } else {
                annotations.put(prefix + "/loadBalancerIPs", ip);
            }
        });
        o.poolName().ifPresent(pool -> annotations.put(prefix + "/address-pool", pool));
        return object("v1", "Service", metadata(o, annotations), spec);
    }

    static String annotationPrefix(MetalLbVersion version) {
        return version.atLeast(0, 14, 9) ? "metallb.io" : "metallb.universe.tf";
    }

    /** The stock nginx image listens on 80; another image is expected to listen on the Service port. */
    private static int containerPort(VerifyOptions o) {
        return o.defaultImage() ? 80 : o.port();
    }

    private static Map<String, Object> metadata(VerifyOptions o, Map<String, Object> annotations) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", NAME);
        metadata.put("namespace", o.namespace());
        metadata.put("labels", Map.of(APP_LABEL, APP));
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        return metadata;
    }

    private static Map<String, Object> object(String apiVersion, String kind, Map<String, Object> metadata, Map<String, Object> spec) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        if (spec != null) {
            object.put("spec", spec);
        }
        return object;
    }
}
