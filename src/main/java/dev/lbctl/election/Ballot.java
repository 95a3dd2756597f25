package dev.lbctl.election;

import java.util.List;
import java.util.Map;

/**
 * Everything one Service's Layer 2 election depends on.
 *
 * @param serviceKey {@code namespace/name}
 * @param ips the Service's load-balancer IPs in {@code status.loadBalancer.ingress} order (the first is hashed)
 * @param localPolicy {@code externalTrafficPolicy: Local}
 * @param advertisers the L2Advertisements that select the Service's pool (read only by CRD releases)
 * @param nodes every node of the cluster
 * @param endpoints the Service's endpoints, from all its EndpointSlices
 */
public record Ballot(String serviceKey, Map<String, String> serviceLabels, List<String> ips, boolean localPolicy,
        List<Advertiser> advertisers, List<NodeState> nodes, List<Endpoint> endpoints) {

    public Ballot {
        serviceLabels = Map.copyOf(serviceLabels);
        ips = List.copyOf(ips);
        advertisers = List.copyOf(advertisers);
        nodes = List.copyOf(nodes);
        endpoints = List.copyOf(endpoints);
    }

    /** The same ballot without one node (and its endpoints). */
    public Ballot without(String node) {
        return new Ballot(serviceKey, serviceLabels, ips, localPolicy, advertisers,
                nodes.stream().filter(n -> !n.name().equals(node)).toList(),
                endpoints.stream().filter(e -> !node.equals(e.node())).toList());
    }
}
