package dev.lbctl.config;

import dev.lbctl.i18n.Sentence;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.IpFamily;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Community resources, L2Advertisements and BGPAdvertisements as {@code poolsFor} checks them after the pools.
 * MetalLB's advertisement messages do not name the advertisement; each problem carries it as its object.
 */
final class AdvertisementRules {

    private final MetalLbVersion version;
    private final Problems problems;

    private AdvertisementRules(MetalLbVersion version, Problems problems) {
        this.version = version;
        this.problems = problems;
    }

    /** {@code communitiesFromCrs}, which MetalLB runs before the pools: the alias names it defines. */
    static Set<String> communityAliases(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        return new AdvertisementRules(version, problems).communityAliases(config.communities());
    }

    static void check(MetalLbConfig config, List<CheckedPool> pools, Set<String> aliases, MetalLbVersion version,
            Problems problems) {
        AdvertisementRules rules = new AdvertisementRules(version, problems);
        config.l2Advertisements().forEach(rules::checkL2);
        rules.checkDuplicateBgpAdvertisements(config.bgpAdvertisements());
        Map<String, List<BgpAdvertisementSpec>> attached = new HashMap<>();
        for (BgpAdvertisementSpec adv : config.bgpAdvertisements()) {
            if (rules.checkBgp(adv, aliases)) {
                for (CheckedPool pool : selectedPools(adv, pools)) {
                    rules.checkBgpForPool(adv, pool, attached.computeIfAbsent(pool.name(), k -> new ArrayList<>()));
                }
            }
        }
    }

    /** {@code communitiesFromCrs}: every alias value must parse; alias names are unique across resources. */
    private Set<String> communityAliases(List<CommunitySpec> communities) {
        Set<String> names = new LinkedHashSet<>();
        for (CommunitySpec community : communities) {
            for (CommunitySpec.Alias alias : community.aliases()) {
                BgpCommunity.Parsed parsed = BgpCommunity.parse(alias.value(), version);
                if (!parsed.valid()) {
                    problems.error("parsing community " + GoQuote.q(alias.name()) + ": " + parsed.error(), null,
                            "Community " + community.name(), community.origin());
                } else if (!names.add(alias.name())) {
                    problems.error("duplicate definition of community " + GoQuote.q(alias.name()), null,
                            "Community " + community.name(), community.origin());
                }
            }
        }
        return names;
    }

    private void checkL2(L2AdvertisementSpec adv) {
        List<String> errors = new ArrayList<>();
        addIfPresent(errors, GoSelectors.firstDuplicateString(adv.ipAddressPools(), "ipAddressPools"));
        addIfPresent(errors, GoSelectors.firstDuplicate(adv.ipAddressPoolSelectors(), "ipAddressPoolSelectors"));
        addIfPresent(errors, GoSelectors.firstDuplicate(adv.nodeSelectors(), "nodeSelectors"));
        addIfPresent(errors, GoSelectors.firstDuplicate(adv.serviceSelectors(), "serviceSelectors"));
        addIfPresent(errors, selectorErrors(adv.name(), adv.nodeSelectors(), adv.serviceSelectors(), adv.ipAddressPoolSelectors()));
        errors.forEach(e -> problems.error(e, null, "L2Advertisement " + adv.name(), adv.origin()));
    }

    /** {@code validateDuplicateBGPAdvertisements}: two resources equal in every field, name included. */
    private void checkDuplicateBgpAdvertisements(List<BgpAdvertisementSpec> ads) {
        for (int i = 0; i < ads.size(); i++) {
            for (int j = i + 1; j < ads.size(); j++) {
                if (withoutOrigin(ads.get(i)).equals(withoutOrigin(ads.get(j)))) {
                    problems.error("duplicate definition of bgpadvertisements. advertisement " + (i + 1) + " and " + (j + 1)
                            + " are equal", null);
                }
            }
        }
    }

    /** {@code bgpAdvertisementFromCR}; false when the advertisement is unusable for the per-pool checks. */
    private boolean checkBgp(BgpAdvertisementSpec adv, Set<String> aliases) {
        List<String> errors = new ArrayList<>();
        addIfPresent(errors, GoSelectors.firstDuplicateString(adv.ipAddressPools(), "ipAddressPools"));
        addIfPresent(errors, GoSelectors.firstDuplicateString(adv.communities(), "community"));
        addIfPresent(errors, GoSelectors.firstDuplicateString(adv.peers(), "peers"));
        addIfPresent(errors, GoSelectors.firstDuplicate(adv.ipAddressPoolSelectors(), "ipAddressPoolSelectors"));
        addIfPresent(errors, GoSelectors.firstDuplicate(adv.nodeSelectors(), "nodeSelectors"));
        addIfPresent(errors, GoSelectors.firstDuplicate(adv.serviceSelectors(), "serviceSelectors"));
        if (!adv.serviceSelectors().isEmpty()) {
            if (adv.aggregationLength() != null && adv.aggregationLength() != 32) {
                errors.add("serviceSelectors and aggregationLength are mutually exclusive, both cannot be set in " + adv.name());
            }
            if (adv.aggregationLengthV6() != null && adv.aggregationLengthV6() != 128) {
                errors.add("serviceSelectors and aggregationLengthV6 are mutually exclusive, both cannot be set in " + adv.name());
            }
        }
        long length = aggregationLength(adv);
        if (length > 32) {
            errors.add("invalid aggregation length " + formatLength(length) + " for IPv4");
        }
        if (adv.aggregationLengthV6() != null && adv.aggregationLengthV6() > 128) {
            errors.add("invalid aggregation length " + formatLength(adv.aggregationLengthV6()) + " for IPv6");
        }
        for (String community : adv.communities()) {
            if (aliases.contains(community)) {
                continue;
            }
            BgpCommunity.Parsed parsed = BgpCommunity.parse(community, version);
            if (!parsed.valid()) {
                String context = "invalid community " + GoQuote.q(community) + " in BGP advertisement";
                // pkg/errors.Wrapf before the move to errors.Join.
                errors.add(version.below(0, 14, 0) ? context + ": " + parsed.error() : parsed.error() + "\n" + context);
            }
        }
        addIfPresent(errors, selectorErrors(adv.name(), adv.nodeSelectors(), adv.serviceSelectors(), adv.ipAddressPoolSelectors()));
        errors.forEach(e -> problems.error(e, null, "BGPAdvertisement " + adv.name(), adv.origin()));
        return errors.isEmpty();
    }

    /**
     * The selectors Kubernetes refuses, in MetalLB's order: node selectors and service selectors (when it builds the
     * advertisement), then pool selectors (when it attaches it to pools). Only the first error counts: MetalLB stops.
     */
    private String selectorErrors(String name, List<LabelSelector> nodes, List<LabelSelector> services,
            List<LabelSelector> pools) {
        String nodeError = KubeSelectorRules.filterError(nodes, version);
        if (nodeError != null) {
            return nodeError + "\nfailed to parse node selector for " + name;
        }
        for (LabelSelector s : services) {
            String error = KubeSelectorRules.error(s, version);
            if (error != null) {
                return "invalid service selector " + KubeSelectorRules.value(s) + ": " + error
                        + "\nfailed to parse service selector for " + name;
            }
        }
        return KubeSelectorRules.filterError(pools, version);
    }

    /** {@code validateBGPAdvPerPool}: aggregation against each address entry, then local preference. */
    private void checkBgpForPool(BgpAdvertisementSpec adv, CheckedPool pool, List<BgpAdvertisementSpec> attached) {
        String object = "BGPAdvertisement " + adv.name();
        boolean ok = true;
        for (Map.Entry<String, List<Cidr>> entry : pool.cidrsByAddress().entrySet()) {
            List<Cidr> cidrs = entry.getValue();
            if (cidrs.isEmpty()) {
                continue;
            }
            long max = GoFamily.of(cidrs.get(0)) == IpFamily.IPV6 ? aggregationLengthV6(adv) : aggregationLength(adv);
            int lowest = cidrs.stream().mapToInt(Cidr::prefixLength).min().orElseThrow();
            if (max < lowest) {
                // MetalLB prints the IPv4 length even when the address is IPv6.
                problems.error("invalid aggregation length " + aggregationLength(adv) + ": prefix " + lowest
                        + " in this pool is more specific than the aggregation length for addresses " + entry.getKey(),
                        pool.name(), object, adv.origin());
                ok = false;
            }
        }
        if (adv.serviceSelectors().isEmpty()) {
            for (BgpAdvertisementSpec other : attached) {
                if (other.serviceSelectors().isEmpty() && !compatibleLocalPref(adv, other, pool)) {
                    problems.error("invalid local preference " + adv.localPref() + ": local preferernce " + other.localPref()
                            + " was already set for the same type of BGP update. Check existing BGP advertisements with common"
                            + " pools and aggregation lengths", pool.name(), object, adv.origin(),
                            Sentence.of("problem.assumedNode"));
                    ok = false;
                    break;
                }
            }
        }
        if (ok) {
            attached.add(adv);
        }
    }

    /**
     * {@code BGPAdvertisementsHaveCompatibleLocalPref}: same preference, different aggregation, disjoint peers or no
     * shared node.
     */
    private boolean compatibleLocalPref(BgpAdvertisementSpec a, BgpAdvertisementSpec b, CheckedPool pool) {
        if (a.localPref() == b.localPref() || aggregationLengthsDiffer(a, b, pool)) {
            return true;
        }
        if (!a.peers().isEmpty() && !b.peers().isEmpty() && a.peers().stream().noneMatch(b.peers()::contains)) {
            return true;
        }
        // MetalLB compares the nodes both select; lbctl assumes one node without labels (KubeSelectorRules).
        return !(KubeSelectorRules.selectsAssumedNode(a.nodeSelectors())
                && KubeSelectorRules.selectsAssumedNode(b.nodeSelectors()));
    }

    private boolean aggregationLengthsDiffer(BgpAdvertisementSpec a, BgpAdvertisementSpec b, CheckedPool pool) {
        boolean v4Differs = aggregationLength(a) != aggregationLength(b);
        boolean v6Differs = aggregationLengthV6(a) != aggregationLengthV6(b);
        if (version.below(0, 15, 0)) {
            return v4Differs && v6Differs;
        }
        // PR 2693: only the families the pool has count.
        boolean hasV4 = pool.hasFamily(IpFamily.IPV4);
        boolean hasV6 = pool.hasFamily(IpFamily.IPV6);
        if (!hasV4 && !hasV6) {
            return true;
        }
        return (v4Differs && !hasV6) || (v6Differs && !hasV4) || (v4Differs && v6Differs);
    }

    /** Pools the advertisement applies to, each once: by name (existing only) and by label selector. */
    static List<CheckedPool> selectedPools(Advertisement adv, List<CheckedPool> pools) {
        List<CheckedPool> ipPools = pools.stream().filter(p -> p.spec().kind() == PoolKind.IP_ADDRESS_POOL).toList();
        if (adv.selectsAllPools()) {
            return ipPools; // MetalLB ranges over a map here: any order is one MetalLB can take
        }
        // The named pools in the order written, then those a selector picks (from a set in MetalLB: any order).
        List<CheckedPool> out = new ArrayList<>();
        for (String name : adv.ipAddressPools()) {
            ipPools.stream().filter(p -> p.name().equals(name)).findFirst().ifPresent(out::add);
        }
        ipPools.stream().filter(p -> !out.contains(p) && adv.selects(p.spec())).forEach(out::add);
        return out;
    }

    /** MetalLB prints a too-long aggregation length with %q, as a character (64 is '@'), in every CRD release. */
    private static String formatLength(long length) {
        return GoRune.quote(length);
    }

    private static long aggregationLength(BgpAdvertisementSpec adv) {
        return adv.aggregationLength() == null ? 32 : adv.aggregationLength();
    }

    private static long aggregationLengthV6(BgpAdvertisementSpec adv) {
        return adv.aggregationLengthV6() == null ? 128 : adv.aggregationLengthV6();
    }

    private static BgpAdvertisementSpec withoutOrigin(BgpAdvertisementSpec a) {
        return new BgpAdvertisementSpec(a.name(), a.aggregationLength(), a.aggregationLengthV6(), a.localPref(),
                a.communities(), a.ipAddressPools(), a.ipAddressPoolSelectors(), a.nodeSelectors(), a.peers(),
                a.serviceSelectors(), null);
    }

    private static void addIfPresent(List<String> errors, String error) {
        if (error != null) {
            errors.add(error);
        }
    }
}
