package dev.lbctl.config;

import dev.lbctl.pool.LabelSelector;
import java.util.List;

/** What L2 and BGP advertisements share: how they select pools. */
public interface Advertisement {

    String kind();

    String name();

    List<String> ipAddressPools();

    List<LabelSelector> ipAddressPoolSelectors();

    Origin origin();

    /** MetalLB's rule: no pool names and no pool selectors means every pool. */
    default boolean selectsAllPools() {
        return ipAddressPools().isEmpty() && ipAddressPoolSelectors().isEmpty();
    }

    default boolean selects(PoolSpec pool) {
        return selectsAllPools() || ipAddressPools().contains(pool.name())
                || ipAddressPoolSelectors().stream().anyMatch(s -> s.matches(pool.labels()));
    }
}
