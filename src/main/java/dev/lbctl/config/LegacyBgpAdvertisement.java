package dev.lbctl.config;

import java.util.List;

/**
 * One {@code bgp-advertisements} entry of a ConfigMap pool (or {@code bgpAdvertisements} of an AddressPool). Null
 * numbers were not given.
 */
public record LegacyBgpAdvertisement(Long aggregationLength, Long aggregationLengthV6, Long localPref, List<String> communities) {

    public LegacyBgpAdvertisement {
        communities = List.copyOf(communities);
    }
}
