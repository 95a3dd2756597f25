package dev.lbctl.config;

import dev.lbctl.pool.LabelSelector;
import java.util.List;

/** An L2Advertisement. With neither ipAddressPools nor ipAddressPoolSelectors it announces every pool. */
public record L2AdvertisementSpec(
        String name,
        List<String> ipAddressPools,
        List<LabelSelector> ipAddressPoolSelectors,
        List<LabelSelector> nodeSelectors,
        List<String> interfaces,
        List<LabelSelector> serviceSelectors,
        Origin origin) implements Advertisement {

    public L2AdvertisementSpec {
        ipAddressPools = List.copyOf(ipAddressPools);
        ipAddressPoolSelectors = List.copyOf(ipAddressPoolSelectors);
        nodeSelectors = List.copyOf(nodeSelectors);
        interfaces = List.copyOf(interfaces);
        serviceSelectors = List.copyOf(serviceSelectors);
    }

    /** An advertisement of every pool on every node, as lbctl adds for pools given on the command line. */
    public static L2AdvertisementSpec forAllPools(String name, Origin origin) {
        return new L2AdvertisementSpec(name, List.of(), List.of(), List.of(), List.of(), List.of(), origin);
    }

    @Override
    public String kind() {
        return "L2Advertisement";
    }
}
