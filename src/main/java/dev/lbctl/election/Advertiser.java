package dev.lbctl.election;

import dev.lbctl.pool.LabelSelector;
import java.util.List;
import java.util.Map;

/**
 * An L2Advertisement that selects the Service's pool: which nodes may announce for it, and (v0.16 on) which Services
 * it announces. Empty selector lists mean every node and every Service, as in MetalLB.
 */
public record Advertiser(String name, List<LabelSelector> nodeSelectors, List<LabelSelector> serviceSelectors) {

    public Advertiser {
        nodeSelectors = List.copyOf(nodeSelectors);
        serviceSelectors = List.copyOf(serviceSelectors);
    }

    boolean selectsNode(Map<String, String> labels) {
        return nodeSelectors.isEmpty() || nodeSelectors.stream().anyMatch(s -> s.matches(labels));
    }

    boolean selectsService(Map<String, String> labels) {
        return serviceSelectors.isEmpty() || serviceSelectors.stream().anyMatch(s -> s.matches(labels));
    }
}
