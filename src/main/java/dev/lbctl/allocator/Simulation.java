package dev.lbctl.allocator;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.services.ServiceRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

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
 * MetalLB picks at random among the unpinned auto-assign pools (Go map order) and among namespace-pinned pools of
 * equal priority ({@code ByNamespace} is built from a map); its sort of pinned pools is otherwise fixed (see
 * {@link Allocator}). A random point is a Service whose deciding tier holds two or more pools able to serve it the
 * same way. The reported outcome takes the first such pool in definition order every time; then the simulation is
 * run again with the other picks, earliest random points first, up to a budget of runs. A Service is
 * {@code deterministic} when every explored run gives it the same outcome and every combination of picks at random
 * points up to and including it was explored; once the budget runs out, the Services from the first unexplored
 * random point on are reported as not deterministic. Each random point is explored independently, which covers more
 * orders than MetalLB can produce (its {@code ByNamespace} order is fixed for a whole configuration), so
 * {@code deterministic} may be false where MetalLB is in fact fixed, never the other way round.
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

    /** At most this many runs per simulation, and at most this many Services simulated over all runs. */
    private static final int MAX_RUNS = 128;
    private static final long MAX_SERVICE_STEPS = 250_000;

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
        int budget = (int) Math.max(1, Math.min(MAX_RUNS, MAX_SERVICE_STEPS / Math.max(1, services.size())));
        return run(pools, services, namespaceLabels, budget);
    }

    /** {@link #run}, exploring the random picks in at most {@code maxRuns} runs. */
    static List<Allocation> run(List<AddressPool> pools, List<ServiceRequest> services,
                                Map<String, Map<String, String>> namespaceLabels, int maxRuns) {
        Map<String, Map<String, String>> namespaces = clusterNamespaces(services, namespaceLabels);
        List<Integer> order = processingOrder(services);
        Run first = new Run(null, 0, 0, Allocator.Chooser.FIRST);
        first.simulate(pools, namespaces, services, order);
        int runs = 1;
        // Earliest random point first, so that the explored runs cover every combination of picks up to the
        // position of the first branch left in the queue.
        PriorityQueue<Branch> unexplored = new PriorityQueue<>(
                Comparator.comparingInt(Branch::position).thenComparingInt(Branch::point));
        first.addBranches(unexplored);
        // varies[p]: some run gave the Service at position p another outcome. More runs can only add to it, so the
        // exploration stops early once every Service from the next unexplored point on already varies.
        boolean[] varies = new boolean[order.size()];
        int lastSteady = order.size() - 1;
        while (!unexplored.isEmpty() && runs < maxRuns) {
            while (lastSteady >= 0 && varies[lastSteady]) {
                lastSteady--;
            }
            if (lastSteady < unexplored.peek().position()) {
                unexplored.clear();
                break;
            }
            Branch branch = unexplored.poll();
            Run run = new Run(branch.parent(), branch.point(), branch.pick(), Allocator.Chooser.FIRST);
            run.simulate(pools, namespaces, services, order);
            runs++;
            run.addBranches(unexplored);
            for (int position = 0; position < order.size(); position++) {
                int index = order.get(position);
                varies[position] |= !run.results[index].sameOutcome(first.results[index]);
            }
        }
        int horizon = unexplored.isEmpty() ? Integer.MAX_VALUE : unexplored.peek().position();
        Allocation[] results = new Allocation[services.size()];
        for (int position = 0; position < order.size(); position++) {
            int index = order.get(position);
            results[index] = first.results[index].withDeterministic(position < horizon && !varies[position]);
        }
        return List.of(results);
    }

    /**
     * One run in which {@code chooser} makes every random pick; {@code deterministic} is left true. For tests, to
     * replay what MetalLB could do.
     */
    static List<Allocation> runPicking(List<AddressPool> pools, List<ServiceRequest> services,
                                       Map<String, Map<String, String>> namespaceLabels, Allocator.Chooser chooser) {
        Run run = new Run(null, 0, 0, chooser);
        run.simulate(pools, clusterNamespaces(services, namespaceLabels), services, processingOrder(services));
        return List.of(run.results);
    }

    /** The run that takes {@code pick} at random point {@code point} of {@code parent}, the parent's picks before. */
    private record Branch(Run parent, int point, int pick, int position) {
    }

    /** One simulated run: its picks at the random points it met, and each Service's outcome (by file index). */
    private static final class Run implements Allocator.Chooser {
        /** Forced picks for the first points; {@code free}'s after them. */
        private final int[] forced;
        private final Allocator.Chooser free;
        /** Per random point met: the processing position of its Service, and its number of candidates. */
        private final List<int[]> points = new ArrayList<>();
        private int position;
        private Allocation[] results;

        Run(Run parent, int point, int pick, Allocator.Chooser free) {
            this.free = free;
            forced = parent == null ? new int[0] : Arrays.copyOf(parent.forced, point + 1);
            if (parent != null) {
                forced[point] = pick;
            }
        }

        @Override
        public int choose(int alternatives) {
            int point = points.size();
            points.add(new int[] {position, alternatives});
            return point < forced.length ? forced[point] : free.choose(alternatives);
        }

        void simulate(List<AddressPool> pools, Map<String, Map<String, String>> namespaces,
                      List<ServiceRequest> services, List<Integer> order) {
            Allocator allocator = new Allocator(pools.stream().map(pool -> new PoolState(pool, namespaces)).toList(),
                    services.size());
            allocator.chooseWith(this);
            BalancerController controller = new BalancerController(allocator);
            results = new Allocation[services.size()];
            for (position = 0; position < order.size(); position++) {
                int index = order.get(position);
                results[index] = controller.converge(services.get(index));
            }
        }

        /** The other picks at the points this run chose freely (those after its forced ones, where it took the first). */
        void addBranches(PriorityQueue<Branch> queue) {
            for (int point = forced.length; point < points.size(); point++) {
                int[] met = points.get(point);
                for (int pick = 1; pick < met[1]; pick++) {
                    queue.add(new Branch(this, point, pick, met[0]));
                }
            }
        }
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
