package dev.lbctl.config;

import dev.lbctl.pool.LabelSelector;
import java.util.List;

/** A BGPAdvertisement. Null aggregation lengths were not given (MetalLB defaults them to 32 and 128). */
public record BgpAdvertisementSpec(
        String name,
        Long aggregationLength,
        Long aggregationLengthV6,
        long localPref,
        List<String> communities,
        List<String> ipAddressPools,
        List<LabelSelector> ipAddressPoolSelectors,
        List<LabelSelector> nodeSelectors,
        List<String> peers,
        List<LabelSelector> serviceSelectors,
        Origin origin) implements Advertisement {

    public BgpAdvertisementSpec {
        communities = List.copyOf(communities);
        ipAddressPools = List.copyOf(ipAddressPools);
        ipAddressPoolSelectors = List.copyOf(ipAddressPoolSelectors);
        nodeSelectors = List.copyOf(nodeSelectors);
        peers = List.copyOf(peers);
        serviceSelectors = List.copyOf(serviceSelectors);
    }

    @Override
    public String kind() {
        return "BGPAdvertisement";
    }
}
