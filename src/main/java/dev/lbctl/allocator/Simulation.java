package dev.lbctl.allocator;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.services.ServiceRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulates what MetalLB v0.16's controller assigns to a set of Services, offline, without enumerating addresses.
 *
 * <h2>What is reproduced</h2>
 * Services that already hold {@code status.loadBalancer.ingress} IPs are processed first (most IPs first, as
 * MetalLB's reload does) and keep them while the configuration still allows them; the rest follow in file order.
 * Each Service then goes through MetalLB's decision order: {@code metallb.io/loadBalancerIPs} or
 * {@code spec.loadBalancerIP}, else the {@code metallb.io/address-pool} annotation, else the pinned pools
 * ({@code serviceAllocation}, by priority) and then every other auto-assign pool. Inside a pool the lowest usable
 * address wins, walking the pool's CIDRs in {@code addresses} order, .0 and .255 included unless avoidBuggyIPs,
 * and an address already used by services it may share with counts when it comes first. A PreferDualStack Service
 * left with one IP then gets MetalLB's additional-family step, as on the reconcile that MetalLB's own status update
 * triggers. Messages of pending Services are MetalLB's, byte for byte.
 *
 * <h2>Determinism</h2>
 * MetalLB picks among the unpinned auto-assign pools in Go map order, and among pinned pools of equal priority in the
 * order of an unstable sort: both random. The simulator takes those pools in definition order and reports
 * {@code deterministic = false} for a Service exactly when, at the moment it is processed, more than one pool could
 * have been that random pick: that is, when the tier (priority group, or the unpinned pools) that decides the Service
 * holds two or more pools able to serve it the same way (both families for dual-stack; for PreferDualStack without
 * such a pool, the primary family, then the secondary). Requested IPs, a requested pool, and kept ingress IPs are
 * deterministic. The flag is local: it does not mark later Services whose outcome changes only because an earlier
 * random choice used other addresses.
 *
 * <h2>Cost</h2>
 * Per Service, O(p · s · log n) for p candidate pools with s segments each and n assigned addresses (plus the number
 * of distinct port sets under the Service's sharing key): independent of pool sizes, so an IPv6 /64 costs what a /29
 * costs.
 *
 * <h2>Offline differences</h2>
 * A Service without a clusterIP takes its family from {@code spec.ipFamilies} or its policy (see
 * {@link ServiceClaim}); MetalLB would wait for the clusterIP. Pools must not overlap: validate the configuration
 * first, as MetalLB does.
 */
public final class Simulation {

    /** The label the API server puts on every Namespace, which namespaceSelectors commonly use. */
    private static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

    private Simulation() {
    }

    /**
     * Runs the simulation.
     *
     * @param pools the configured pools, in definition order
     * @param services the Services in file order
     * @param namespaceLabels labels of the Namespaces (as read with the Services); namespaces of the Services that are
     *                        not listed are taken to exist without labels
     * @return one result per Service, in the order of {@code services}
     * @throws IllegalArgumentException when two pools overlap
     */
    public static List<Allocation> run(List<AddressPool> pools, List<ServiceRequest> services,
                                       Map<String, Map<String, String>> namespaceLabels) {
        Map<String, Map<String, String>> namespaces = clusterNamespaces(services, namespaceLabels);
        Allocator allocator = new Allocator(pools.stream().map(pool -> new PoolState(pool, namespaces)).toList(),
                services.size());
        BalancerController controller = new BalancerController(allocator);
        Allocation[] results = new Allocation[services.size()];
        for (int index : processingOrder(services)) {
            results[index] = controller.converge(services.get(index));
        }
        return List.of(results);
    }

    /** Indexes of the Services, those holding the most ingress IPs first, file order otherwise. */
    private static List<Integer> processingOrder(List<ServiceRequest> services) {
        List<Integer> order = new ArrayList<>(services.size());
        for (int i = 0; i < services.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingInt((Integer i) -> services.get(i).ingressIps().size()).reversed());
        return order;
    }

    private static Map<String, Map<String, String>> clusterNamespaces(List<ServiceRequest> services,
                                                                      Map<String, Map<String, String>> namespaceLabels) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        namespaceLabels.keySet().forEach(ns -> out.put(ns, withNameLabel(ns, namespaceLabels.get(ns))));
        services.forEach(s -> out.computeIfAbsent(s.namespace(), ns -> withNameLabel(ns, Map.of())));
        return out;
    }

    private static Map<String, String> withNameLabel(String namespace, Map<String, String> labels) {
        Map<String, String> out = new HashMap<>(labels);
        out.put(NAMESPACE_NAME_LABEL, namespace);
        return out;
    }
}
