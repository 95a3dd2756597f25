package dev.lbctl.status;

import dev.lbctl.cluster.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which node announces a Service in Layer 2, and on which interfaces, from MetalLB's ServiceL2Status (v0.14.2 and
 * later). The speaker that wins the election writes one per Service into MetalLB's namespace
 * ({@code metallb@v0.16.1:internal/k8s/controllers/layer2_status_controller.go}): {@code status.node}, {@code status.serviceName},
 * {@code status.serviceNamespace} and {@code status.interfaces[].name}; an empty interface list means "every
 * interface the speaker uses".
 */
public record Layer2Announcement(String serviceNamespace, String serviceName, String node, List<String> interfaces) {

    public Layer2Announcement {
        interfaces = List.copyOf(interfaces);
    }

    /** {@code namespace/name} of the Service. */
    public String serviceKey() {
        return serviceNamespace + "/" + serviceName;
    }

    /** Reads one ServiceL2Status object; empty when it names no node yet. */
    public static Optional<Layer2Announcement> from(Map<String, Object> serviceL2Status) {
        Map<String, Object> status = Fields.map(serviceL2Status, "status");
        String node = Fields.string(status, "node");
        if (node == null || node.isBlank()) {
            return Optional.empty();
        }
        List<String> interfaces = new ArrayList<>();
        for (Object entry : Fields.list(status, "interfaces")) {
            if (entry instanceof Map<?, ?> m && m.get("name") != null) {
                interfaces.add(String.valueOf(m.get("name")));
            }
        }
        return Optional.of(new Layer2Announcement(String.valueOf(Fields.string(status, "serviceNamespace")),
                String.valueOf(Fields.string(status, "serviceName")), node, interfaces));
    }

    /** Every announcement in a list of ServiceL2Status objects, keyed by {@link #serviceKey()}. */
    public static Map<String, Layer2Announcement> byService(List<Map<String, Object>> serviceL2Statuses) {
        Map<String, Layer2Announcement> found = new LinkedHashMap<>();
        for (Map<String, Object> s : serviceL2Statuses) {
            from(s).ifPresent(a -> found.put(a.serviceKey(), a));
        }
        return found;
    }

    /** {@code node} or {@code node (eth0, eth1)} for tables and messages. */
    public String describe() {
        return interfaces.isEmpty() ? node : node + " (" + String.join(", ", interfaces) + ")";
    }
}
