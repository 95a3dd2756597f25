package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.services.ServiceRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The order of pinned pools against a literal replay of MetalLB's sort: Go's insertion sort (sort.Slice up to 12
 * elements, Go 1.19 and later) with sortPools' comparator (v0.16.1 internal/allocator/allocator.go:594-610), over
 * ByNamespace followed by ByServiceSelector sorted by name. At most one namespace-pinned pool, so that the input order
 * is fixed. Each pool holds one address, so the Services take the pools one after the other in that order.
 */
class PinnedOrderPropertiesTest {

    /** A generated pool: its name, priority, and whether it is pinned by namespace (else it selects every Service). */
    record Spec(String name, int priority, boolean byNamespace) {
    }

    @Provide
    Arbitrary<List<Spec>> pools() {
        Arbitrary<List<Integer>> priorities = Arbitraries.of(0, 0, 1, 2).list().ofMinSize(1).ofMaxSize(12);
        Arbitrary<List<String>> names = Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3)
                .list().ofSize(12).uniqueElements();
        return Combinators.combine(priorities, names, Arbitraries.integers().between(-1, 11)).as((prio, name, ns) -> {
            List<Spec> out = new ArrayList<>();
            for (int i = 0; i < prio.size(); i++) {
                out.add(new Spec(name.get(i), prio.get(i), i == ns));
            }
            return out;
        });
    }

    @Property(tries = 500)
    void servicesTakeThePinnedPoolsInMetalLbsSortOrder(@ForAll("pools") List<Spec> specs) {
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            yaml.append("apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\n")
                    .append("metadata: {name: ").append(spec.name()).append(", namespace: metallb-system}\n")
                    .append("spec:\n  addresses: [10.0.").append(i).append(".0/32]\n")
                    .append("  serviceAllocation: {priority: ").append(spec.priority())
                    .append(spec.byNamespace() ? ", namespaces: [default]" : "").append("}\n---\n");
        }
        List<AddressPool> pools = TestPools.parse(yaml.toString());
        List<ServiceRequest> services = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            services.add(TestServices.loadBalancer("s" + i, "IPv4"));
        }
        List<Allocation> results = Simulation.run(pools, services, Map.of());
        List<String> expected = metalLbOrder(specs).stream().map(Spec::name).toList();
        assertThat(results).extracting(Allocation::pool).containsExactlyElementsOf(expected);
        assertThat(results).allMatch(Allocation::deterministic);
    }

    /** pinnedPoolsForService's list, then sort.Slice's insertion sort with sortPools' less, step by step. */
    private static List<Spec> metalLbOrder(List<Spec> specs) {
        List<Spec> pools = new ArrayList<>(specs.stream().filter(Spec::byNamespace).toList());
        pools.addAll(specs.stream().filter(s -> !s.byNamespace()).sorted(Comparator.comparing(Spec::name)).toList());
        for (int i = 1; i < pools.size(); i++) {
            for (int j = i; j > 0 && less(pools.get(j), pools.get(j - 1)); j--) {
                pools.set(j - 1, pools.set(j, pools.get(j - 1)));
            }
        }
        return pools;
    }

    private static boolean less(Spec i, Spec j) {
        if (i.priority() > 0 && j.priority() > 0) {
            return i.priority() < j.priority();
        }
        return !(i.priority() == 0 && j.priority() > 0);
    }
}
