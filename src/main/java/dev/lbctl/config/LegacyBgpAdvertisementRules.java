package dev.lbctl.config;

import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.IpFamily;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code parseBGPAdvertisements}: the {@code bgp-advertisements} of a ConfigMap pool (and of an AddressPool resource).
 * Releases differ: before v0.12 every prefix is compared with the IPv4 aggregation length; from v0.12 each address
 * entry is compared, by family, through its widest prefix (PR 1130). Old releases format lengths with {@code %q}.
 */
final class LegacyBgpAdvertisementRules {

    private LegacyBgpAdvertisementRules() {
    }

    static List<String> errors(PoolSpec pool, Map<String, List<Cidr>> cidrsByAddress, Map<String, String> aliases,
            MetalLbVersion version) {
        List<String> errors = new ArrayList<>();
        boolean perAddress = version.atLeast(0, 12, 0) || pool.kind() == PoolKind.ADDRESS_POOL;
        List<LegacyBgpAdvertisement> ads = pool.bgpAdvertisements();
        // v0.12.0 added validateDuplicateAdvertisements and validateDuplicateCommunities.
        boolean duplicates = perAddress;
        for (int i = 0; duplicates && i < ads.size(); i++) {
            for (int j = i + 1; j < ads.size(); j++) {
                if (ads.get(i).equals(ads.get(j))) {
                    errors.add("duplicate definition of bgpadvertisements. advertisement " + (i + 1) + " and " + (j + 1)
                            + " are equal");
                    return errors;
                }
            }
        }
        for (LegacyBgpAdvertisement ad : ads) {
            String duplicate = duplicates ? GoSelectors.firstDuplicateString(ad.communities(), "community") : null;
            if (duplicate != null) {
                errors.add(duplicate);
                continue;
            }
            long length = ad.aggregationLength() == null ? 32 : ad.aggregationLength();
            long lengthV6 = ad.aggregationLengthV6() == null ? 128 : ad.aggregationLengthV6();
            if (length > 32) {
                errors.add("invalid aggregation length " + GoRune.quote(length) + (perAddress ? " for IPv4" : ""));
                continue;
            }
            if (perAddress && ad.aggregationLengthV6() != null && lengthV6 > 128) {
                errors.add("invalid aggregation length " + GoRune.quote(lengthV6) + " for IPv6");
                continue;
            }
            if (perAddress) {
                errors.addAll(perAddressErrors(pool, cidrsByAddress, length, lengthV6));
            } else {
                errors.addAll(perPrefixErrors(cidrsByAddress, length));
            }
            for (String community : ad.communities()) {
                if (aliases.containsKey(community)) {
                    continue;
                }
                String error = BgpCommunity.checkConfigMap(community, version);
                if (error != null) {
                    errors.add("invalid community " + GoQuote.q(community) + " in BGP advertisement: " + error);
                }
            }
        }
        return errors;
    }

    private static List<String> perPrefixErrors(Map<String, List<Cidr>> cidrsByAddress, long length) {
        List<String> errors = new ArrayList<>();
        for (List<Cidr> cidrs : cidrsByAddress.values()) {
            for (Cidr cidr : cidrs) {
                if (length < cidr.prefixLength()) {
                    errors.add("invalid aggregation length " + length + ": prefix " + GoQuote.q(GoFamily.format(cidr))
                            + " in this pool is more specific than the aggregation length");
                }
            }
        }
        return errors;
    }

    private static List<String> perAddressErrors(PoolSpec pool, Map<String, List<Cidr>> cidrsByAddress, long length,
            long lengthV6) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<Cidr>> entry : cidrsByAddress.entrySet()) {
            List<Cidr> cidrs = entry.getValue();
            if (cidrs.isEmpty()) {
                continue;
            }
            long max = GoFamily.of(cidrs.get(0)) == IpFamily.IPV6 ? lengthV6 : length;
            int lowest = cidrs.stream().mapToInt(Cidr::prefixLength).min().orElseThrow();
            if (max < lowest) {
                // The ConfigMap parser printed the prefix length with %q, the AddressPool one with %d.
                String prefix = pool.kind() == PoolKind.ADDRESS_POOL ? Integer.toString(lowest) : GoRune.quote(lowest);
                errors.add("invalid aggregation length " + length + ": prefix " + prefix
                        + " in this pool is more specific than the aggregation length for addresses " + entry.getKey());
            }
        }
        return errors;
    }
}
