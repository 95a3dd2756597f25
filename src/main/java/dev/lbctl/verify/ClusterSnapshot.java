package dev.lbctl.verify;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.Fields;
import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.report.Yaml;
import dev.lbctl.services.ServiceInventory;
import dev.lbctl.services.ServiceManifests;
import dev.lbctl.status.MetalLbStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cluster's MetalLB configuration and Services, read into the same models the offline commands use, so verify can
 * ask the simulator what MetalLB will do before creating anything.
 */
final class ClusterSnapshot {

    private static final String METALLB_API = "metallb.io/v1beta1";
    private static final List<String> CONFIG_KINDS = List.of("IPAddressPool", "L2Advertisement", "BGPAdvertisement");

    private ClusterSnapshot() {
    }

    static MetalLbConfig config(Cluster cluster, MetalLbStatus metallb) {
        if (metallb.configStyle().orElse(ConfigStyle.CRD) == ConfigStyle.LEGACY_CONFIGMAP) {
            String name = metallb.configMap().orElse("config");
            String text = cluster.configMap(metallb.namespace(), name).map(ConfigMapSnapshot::data)
                    .map(d -> d.get("config")).orElse("");
            return text.isBlank() ? MetalLbConfig.empty(ConfigStyle.LEGACY_CONFIGMAP)
                    : ConfigFiles.read(text, "ConfigMap " + metallb.namespace() + "/" + name);
        }
        List<Map<String, Object>> docs = new ArrayList<>();
        for (String kind : CONFIG_KINDS) {
            if (cluster.serves(METALLB_API, kind)) {
                cluster.list(METALLB_API, kind, metallb.namespace()).forEach(o -> docs.add(asWritten(o, "spec")));
            }
        }
        return docs.isEmpty() ? MetalLbConfig.empty(ConfigStyle.CRD)
                : ConfigFiles.read(Yaml.documents(docs), "the cluster's MetalLB resources");
    }

    /** Every LoadBalancer Service (with its status) and every Namespace (for namespaceSelectors). */
    static ServiceInventory services(Cluster cluster) {
        List<Map<String, Object>> docs = new ArrayList<>();
        cluster.list("v1", "Namespace", null).forEach(ns -> docs.add(asWritten(ns)));
        cluster.list("v1", "Service", null).stream()
                .filter(s -> "LoadBalancer".equals(Fields.string(Fields.map(s, "spec"), "type")))
                .forEach(s -> docs.add(asWritten(s, "spec", "status")));
        return ServiceManifests.parse(Yaml.documents(docs), "the cluster's Services");
    }

    /** The object as a user would write it: identity, labels, annotations and the named sections. */
    private static Map<String, Object> asWritten(Map<String, Object> object, String... sections) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> live = Fields.map(object, "metadata");
        for (String key : List.of("name", "namespace", "labels", "annotations")) {
            if (live.get(key) != null) {
                metadata.put(key, live.get(key));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", object.get("apiVersion"));
        doc.put("kind", object.get("kind"));
        doc.put("metadata", metadata);
        for (String section : sections) {
            if (object.get(section) != null) {
                doc.put(section, object.get(section));
            }
        }
        return doc;
    }
}
