package dev.lbctl.election;

import dev.lbctl.allocator.Allocation;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.services.ServiceRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offline announcement forecast of {@code lbctl pool simulate --nodes}: for every Service the simulator assigned,
 * the node that would announce it in Layer 2, or why none would.
 */
public final class Forecast {

    /** The announcing node, or empty with the reason. */
    public record Announcement(Optional<String> node, String reason) {
    }

    private Forecast() {
    }

    /**
     * @param endpoints endpoints by {@code namespace/name}; empty when the user gave no endpoints file, in which case
     *     every Service is taken to have a ready endpoint on every node
     * @return announcements by {@code namespace/name}, for assigned Services only
     */
    public static Map<String, Announcement> of(MetalLbConfig config, ElectionRules rules, List<Allocation> allocations,
            List<ServiceRequest> services, List<NodeState> nodes, Optional<Map<String, List<Endpoint>>> endpoints) {
        Map<String, ServiceRequest> byKey = new LinkedHashMap<>();
        services.forEach(s -> byKey.put(s.key(), s));
        Map<String, Announcement> out = new LinkedHashMap<>();
        for (Allocation a : allocations) {
            if (a.status() != Allocation.Status.ASSIGNED) {
                continue;
            }
            ServiceRequest service = byKey.get(a.key());
            if (Layer2Advertisers.bgpOnly(config, a.pool())) {
                out.put(a.key(), new Announcement(Optional.empty(), "pool " + a.pool() + " is announced by BGP only"));
                continue;
            }
            List<Endpoint> eps = endpoints.map(e -> e.getOrDefault(a.key(), List.of()))
                    .orElseGet(() -> nodes.stream().map(n -> Endpoint.ready(n.name())).toList());
            Ballot ballot = new Ballot(a.key(), service.labels(), a.ips(), "Local".equals(service.externalTrafficPolicy()),
                    Layer2Advertisers.forPool(config, a.pool()), nodes, eps);
            Outcome outcome = Election.elect(ballot, rules);
            out.put(a.key(), new Announcement(outcome.winner(), outcome.explain()));
        }
        return out;
    }
}
