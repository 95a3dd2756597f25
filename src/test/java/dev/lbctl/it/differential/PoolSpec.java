package dev.lbctl.it.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated IPAddressPool.
 *
 * @param usableIpv4 the IPv4 addresses MetalLB may hand out from it, in its walk order (the generator picks requested
 *                   IPs from them)
 * @param serviceAllocation {@code spec.serviceAllocation} as written, or null
 */
public record PoolSpec(String name, List<String> addresses, boolean autoAssign, boolean avoidBuggyIps,
                       Map<String, Object> serviceAllocation, List<String> usableIpv4) {

    public PoolSpec {
        addresses = List.copyOf(addresses);
        usableIpv4 = List.copyOf(usableIpv4);
    }

    /** The IPAddressPool object, as applied and as given to {@code lbctl pool simulate -f}. */
    public Map<String, Object> manifest(String namespace) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("addresses", new ArrayList<>(addresses));
        if (!autoAssign) {
            spec.put("autoAssign", false);
        }
        if (avoidBuggyIps) {
            spec.put("avoidBuggyIPs", true);
        }
        if (serviceAllocation != null) {
            spec.put("serviceAllocation", serviceAllocation);
        }
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", "metallb.io/v1beta1");
        object.put("kind", "IPAddressPool");
        object.put("metadata", new LinkedHashMap<>(Map.of("name", name, "namespace", namespace)));
        object.put("spec", spec);
        return object;
    }

    /**
     * Which pools MetalLB draws from in one random order when it allocates automatically: the unpinned auto-assign
     * pools, or the pinned ones of one priority. Null for a pool it never draws from automatically.
     *
     * @param spec an IPAddressPool's spec (this test's or anyone else's)
     */
    public static String tier(Map<?, ?> spec) {
        if (Boolean.FALSE.equals(spec.get("autoAssign"))) {
            return null;
        }
        if (!(spec.get("serviceAllocation") instanceof Map<?, ?> allocation)) {
            return "unpinned";
        }
        Object priority = allocation.get("priority");
        return "pinned, priority " + (priority == null ? 0 : priority);
    }
}
