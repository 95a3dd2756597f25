package dev.lbctl.pool;

import java.util.List;

/**
 * An IPAddressPool's {@code spec.serviceAllocation} (MetalLB v0.13.9+): which services the pool is reserved for and
 * with what priority. A priority of 0 (unset) sorts last, as in MetalLB.
 */
public record ServiceAllocation(
        int priority,
        List<String> namespaces,
        List<LabelSelector> namespaceSelectors,
        List<LabelSelector> serviceSelectors) {

    public ServiceAllocation {
        namespaces = List.copyOf(namespaces);
        namespaceSelectors = List.copyOf(namespaceSelectors);
        serviceSelectors = List.copyOf(serviceSelectors);
    }
}
