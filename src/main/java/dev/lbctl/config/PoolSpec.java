package dev.lbctl.config;

import dev.lbctl.pool.ServiceAllocation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pool as written, before MetalLB's checks: the address strings are kept verbatim because how they parse depends
 * on the MetalLB version (reversed ranges), and the checks must be able to report a missing name or protocol.
 *
 * @param name empty when not given
 * @param protocol ConfigMap pools and AddressPools only; null when not given
 * @param bgpAdvertisements ConfigMap pools and AddressPools only
 * @param labels IPAddressPool labels, matched by advertisements' ipAddressPoolSelectors
 */
public record PoolSpec(
        PoolKind kind,
        String name,
        List<String> addresses,
        boolean autoAssign,
        boolean avoidBuggyIps,
        String protocol,
        List<LegacyBgpAdvertisement> bgpAdvertisements,
        Optional<ServiceAllocation> serviceAllocation,
        Map<String, String> labels,
        Origin origin) {

    public PoolSpec {
        addresses = List.copyOf(addresses);
        bgpAdvertisements = List.copyOf(bgpAdvertisements);
        labels = Map.copyOf(labels);
    }
}
