package dev.lbctl.status;

import dev.lbctl.cluster.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One node announcing a Service by BGP, and to which peers, from MetalLB's ServiceBGPStatus (v0.15 and later): the
 * speaker writes one per Service and node ({@code metallb@v0.16.1:api/v1beta1/servicebgpstatus_types.go}:
 * {@code status.node}, {@code status.serviceName}, {@code status.serviceNamespace}, {@code status.peers}). It says
 * what the speaker advertises, not what the router accepted: lbctl cannot see the router's table.
 */
public record BgpAnnouncement(String serviceNamespace, String serviceName, String node, List<String> peers) {

    public BgpAnnouncement {
        peers = List.copyOf(peers);
    }

    public String serviceKey() {
        return serviceNamespace + "/" + serviceName;
    }

    /** Reads one ServiceBGPStatus object; empty when it names no node or no peer yet. */
    public static Optional<BgpAnnouncement> from(Map<String, Object> serviceBgpStatus) {
        Map<String, Object> status = Fields.map(serviceBgpStatus, "status");
        String node = Fields.string(status, "node");
        List<String> peers = new ArrayList<>();
        Fields.list(status, "peers").forEach(p -> peers.add(String.valueOf(p)));
        if (node == null || node.isBlank() || peers.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BgpAnnouncement(String.valueOf(Fields.string(status, "serviceNamespace")),
                String.valueOf(Fields.string(status, "serviceName")), node, peers));
    }

    /** The announcements in a list of ServiceBGPStatus objects, by {@link #serviceKey()}, nodes sorted by name. */
    public static Map<String, List<BgpAnnouncement>> byService(List<Map<String, Object>> serviceBgpStatuses) {
        Map<String, List<BgpAnnouncement>> found = new LinkedHashMap<>();
        serviceBgpStatuses.stream().map(BgpAnnouncement::from).flatMap(Optional::stream)
                .sorted(java.util.Comparator.comparing(BgpAnnouncement::node))
                .forEach(a -> found.computeIfAbsent(a.serviceKey(), k -> new ArrayList<>()).add(a));
        return found;
    }
}
