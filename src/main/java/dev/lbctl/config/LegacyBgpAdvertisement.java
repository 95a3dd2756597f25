package dev.lbctl.config;

import java.util.List;

/**
 * One {@code bgp-advertisements} entry of a ConfigMap pool (or {@code bgpAdvertisements} of an AddressPool). Null
 * numbers were not given.
 *
 * @param communitiesGiven whether a communities list was written, even empty: MetalLB's duplicate check
 *     (reflect.DeepEqual) tells a nil list from an empty one, so {@code {communities: []}} and {@code {}} differ
 */
public record LegacyBgpAdvertisement(Long aggregationLength, Long aggregationLengthV6, Long localPref, List<String> communities,
        boolean communitiesGiven) {

    public LegacyBgpAdvertisement {
        communities = List.copyOf(communities);
    }
}
