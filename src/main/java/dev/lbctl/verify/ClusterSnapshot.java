package dev.lbctl.verify;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.Fields;
import dev.lbctl.report.Yaml;
import dev.lbctl.services.ServiceInventory;
import dev.lbctl.services.ServiceManifests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cluster's Services, read into the model the offline commands use, so verify can ask the simulator what MetalLB
 * will do before creating anything (MetalLB's configuration comes from {@link dev.lbctl.status.MetalLbConfiguration}).
 */
final class ClusterSnapshot {

    private ClusterSnapshot() {
    }

    /** Every LoadBalancer Service (with its status) and every Namespace (for namespaceSelectors). */
    static ServiceInventory services(Cluster cluster) {
        List<Map<String, Object>> docs = new ArrayList<>();
        cluster.list("v1", "Namespace", null).forEach(ns -> docs.add(Fields.asWritten(ns)));
        cluster.list("v1", "Service", null).stream()
                .filter(s -> "LoadBalancer".equals(Fields.string(Fields.map(s, "spec"), "type")))
                .forEach(s -> docs.add(Fields.asWritten(s, "spec", "status")));
        return ServiceManifests.parse(Yaml.documents(docs), "the cluster's Services");
    }
}
