package dev.lbctl.allocator;

import dev.lbctl.input.YamlDocuments;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.pool.ServiceAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds AddressPools from IPAddressPool YAML for tests, with only the fields the simulator reads. (The CLI's own
 * configuration reader lives elsewhere; fixtures stay valid MetalLB configuration so they can move to it.)
 */
final class TestPools {

    private TestPools() {
    }

    static List<AddressPool> parse(String yaml) {
        List<AddressPool> pools = new ArrayList<>();
        for (Object doc : YamlDocuments.flattenLists(YamlDocuments.parse(yaml, "pools"))) {
            Map<?, ?> object = (Map<?, ?>) doc;
            if ("IPAddressPool".equals(object.get("kind"))) {
                pools.add(pool(object));
            }
        }
        return pools;
    }

    /** A pool with default settings from address strings, e.g. {@code pool("a", "10.0.0.0/24")}. */
    static AddressPool pool(String name, String... addresses) {
        return AddressPool.of(name, List.of(addresses), cidrs(List.of(addresses)));
    }

    private static AddressPool pool(Map<?, ?> object) {
        String name = get(get(object, "metadata", Map.of()), "name", "");
        Map<?, ?> spec = get(object, "spec", Map.of());
        List<String> addresses = get(spec, "addresses", List.of());
        Map<?, ?> allocation = get(spec, "serviceAllocation", null);
        return new AddressPool(name, addresses, cidrs(addresses),
                !Boolean.FALSE.equals(spec.get("autoAssign")),
                Boolean.TRUE.equals(spec.get("avoidBuggyIPs")),
                Optional.empty(),
                Optional.ofNullable(allocation).map(TestPools::serviceAllocation));
    }

    private static List<Cidr> cidrs(List<String> addresses) {
        List<Cidr> cidrs = new ArrayList<>();
        for (String address : addresses) {
            try {
                cidrs.addAll(MetalLbAddresses.parse(address, MetalLbVersion.LATEST));
            } catch (InvalidAddressException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        return cidrs;
    }

    private static ServiceAllocation serviceAllocation(Map<?, ?> spec) {
        return new ServiceAllocation(get(spec, "priority", 0),
                get(spec, "namespaces", List.of()),
                selectors(get(spec, "namespaceSelectors", List.of())),
                selectors(get(spec, "serviceSelectors", List.of())));
    }

    private static List<LabelSelector> selectors(List<Map<?, ?>> specs) {
        List<LabelSelector> out = new ArrayList<>();
        for (Map<?, ?> spec : specs) {
            List<LabelSelector.Requirement> expressions = new ArrayList<>();
            for (Map<?, ?> e : TestPools.<List<Map<?, ?>>>get(spec, "matchExpressions", List.of())) {
                expressions.add(new LabelSelector.Requirement(get(e, "key", ""),
                        LabelSelector.Operator.valueOf(get(e, "operator", "")), get(e, "values", List.of())));
            }
            out.add(new LabelSelector(get(spec, "matchLabels", Map.of()), expressions));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <T> T get(Map<?, ?> map, String key, T fallback) {
        Object value = map.get(key);
        return value == null ? fallback : (T) value;
    }
}
