package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.services.ServicePort;
import dev.lbctl.services.ServiceRequest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The {@code deterministic} flag against replays of the simulation in which the random picks (Go map order) go
 * another way: small pools, so that earlier picks exhaust pools and move later Services (knock-on).
 */
class SimulationDeterminismPropertiesTest {

    /** What a generated pool's serviceAllocation says, if anything. */
    private static final List<String> ALLOCATIONS = List.of("", "", "serviceAllocation: {}",
            "serviceAllocation: {priority: 1}", "serviceAllocation: {priority: 2}",
            "serviceAllocation: {priority: 1, namespaces: [team]}", "serviceAllocation: {namespaces: [team]}");

    @Provide
    Arbitrary<List<AddressPool>> pools() {
        Arbitrary<String> pool = Combinators.combine(Arbitraries.of(31, 32), Arbitraries.of(ALLOCATIONS))
                .as((prefix, allocation) -> prefix + "|" + allocation);
        return pool.list().ofMinSize(1).ofMaxSize(4).map(specs -> {
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < specs.size(); i++) {
                String[] spec = specs.get(i).split("\\|", -1);
                yaml.append("apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n")
                        .append("metadata: {name: p").append(i).append(", namespace: metallb-system}\n")
                        .append("spec:\n  addresses: [10.0.").append(i).append(".0/").append(spec[0]).append("]\n")
                        .append(spec[1].isEmpty() ? "" : "  " + spec[1] + "\n").append("---\n");
            }
            return TestPools.parse(yaml.toString());
        });
    }

    @Provide
    Arbitrary<List<ServiceRequest>> services() {
        Arbitrary<ServiceRequest> service = Combinators.combine(Arbitraries.of("", "", "k"), Arbitraries.of(80, 443))
                .as((key, port) ->
                TestServices.sharing("unnamed", key, new ServicePort("TCP", port), false, "x"));
        Arbitrary<String> namespace = Arbitraries.of("default", "team");
        return Combinators.combine(service.list().ofMinSize(1).ofMaxSize(6), namespace.list().ofSize(6))
                .as(SimulationDeterminismPropertiesTest::placed);
    }

    private static List<ServiceRequest> placed(List<ServiceRequest> services, List<String> namespaces) {
        List<ServiceRequest> out = new ArrayList<>();
        for (ServiceRequest s : services) {
            out.add(new ServiceRequest(namespaces.get(out.size()), "s" + out.size(), s.labels(), s.annotations(),
                    s.type(), s.loadBalancerClass(), s.loadBalancerIp(), s.ipFamilies(), s.ipFamilyPolicy(),
                    s.clusterIps(), s.ports(), s.externalTrafficPolicy(), s.selector(), s.ingressIps()));
        }
        return out;
    }

    /**
     * Whatever the budget (down to one run, where every Service from the first random point on falls back to not
     * deterministic), a Service reported deterministic gets the reported outcome under random picks.
     */
    @Property(tries = 300)
    void deterministicServicesKeepTheirOutcomeUnderRandomPicks(@ForAll("pools") List<AddressPool> pools,
                                                               @ForAll("services") List<ServiceRequest> services,
                                                               @ForAll @IntRange(min = 1, max = 6) int budget,
                                                               @ForAll long seed) {
        List<Allocation> reported = Simulation.run(pools, services, Map.of(), budget);
        Random random = new Random(seed);
        for (int replay = 0; replay < 20; replay++) {
            List<Allocation> other = Simulation.runPicking(pools, services, Map.of(), random::nextInt);
            for (int i = 0; i < services.size(); i++) {
                if (reported.get(i).deterministic()) {
                    assertThat(other.get(i).sameOutcome(reported.get(i))).as("%s", other.get(i)).isTrue();
                }
            }
        }
    }

    /**
     * With a budget large enough, the flag is exactly "the same outcome under every combination of picks", each
     * combination replayed here by enumerating the pick tree depth first.
     */
    @Property(tries = 300)
    void flagMatchesEveryCombinationOfPicks(@ForAll("pools") List<AddressPool> pools,
                                            @ForAll("services") List<ServiceRequest> services) {
        List<List<Allocation>> everyRun = everyCombination(pools, services, 2_000);
        Assume.that(everyRun != null);
        List<Allocation> reported = Simulation.run(pools, services, Map.of(), 10_000);
        for (int i = 0; i < services.size(); i++) {
            int service = i;
            boolean alwaysSame = everyRun.stream().allMatch(run -> run.get(service).sameOutcome(reported.get(service)));
            assertThat(reported.get(i).deterministic()).as("%s", reported.get(i)).isEqualTo(alwaysSame);
            assertThat(reported.get(i).sameOutcome(everyRun.get(0).get(i))).isTrue();
        }
    }

    /** Every run of the pick tree, the first-candidate run first; null beyond {@code limit} runs. */
    private static List<List<Allocation>> everyCombination(List<AddressPool> pools, List<ServiceRequest> services,
                                                           int limit) {
        List<List<Allocation>> runs = new ArrayList<>();
        Deque<List<Integer>> prefixes = new ArrayDeque<>(List.of(List.of()));
        while (!prefixes.isEmpty()) {
            if (runs.size() == limit) {
                return null;
            }
            List<Integer> prefix = prefixes.pop();
            List<Integer> met = new ArrayList<>();
            runs.add(Simulation.runPicking(pools, services, Map.of(), alternatives -> {
                met.add(alternatives);
                return met.size() <= prefix.size() ? prefix.get(met.size() - 1) : 0;
            }));
            for (int point = prefix.size(); point < met.size(); point++) {
                for (int pick = 1; pick < met.get(point); pick++) {
                    List<Integer> next = new ArrayList<>(prefix);
                    while (next.size() < point) {
                        next.add(0);
                    }
                    next.add(pick);
                    prefixes.push(next);
                }
            }
        }
        return runs;
    }
}
