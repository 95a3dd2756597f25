package dev.lbctl.config;

import dev.lbctl.i18n.Sentence;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.IpFamily;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The checks of the BGP implementation in use ({@code validate.go} / {@code validation.go}): native mode refuses
 * FRR-only options ({@code DiscardFRROnly}); FRR mode refuses what FRR cannot express ({@code DiscardNativeOnly}).
 */
final class ModeRules {

    private ModeRules() {
    }

    /** v0.12's checks, which only its speakers run: its controller parses the ConfigMap with {@code DontValidate}. */
    static void checkConfigMap(MetalLbConfig config, MetalLbVersion version, ConfigValidator.BgpMode mode, Problems problems) {
        ModeError speakerError = (message, pool) -> problems.speakerError(mode, message, pool);
        if (mode == ConfigValidator.BgpMode.FRR) {
            frrConfigMapPeers(config.peers(), speakerError);
            return;
        }
        for (BgpPeerSpec p : config.peers()) {
            if (!empty(p.bfdProfile())) {
                speakerError.report("peer " + nonNull(p.address()) + " has bfd-profile set on native bgp mode", null);
            }
            if (!empty(p.keepaliveTime())) {
                speakerError.report("peer " + nonNull(p.address()) + " has keepalive-time set on native bgp mode", null);
            }
        }
        if (!config.bfdProfiles().isEmpty()) {
            speakerError.report("bfd profiles section set", null);
        }
        // An address that does not parse is refused here by the speaker and again, in other words, by the pool checks
        // that the controller runs too: both are reported.
        ipv6InNativeBgp(config.poolSpecs().stream().filter(p -> "bgp".equals(p.protocol())).toList(), version, null,
                speakerError);
    }

    /** Reports an error of the BGP implementation's checks about a pool (or null). */
    @FunctionalInterface
    private interface ModeError {
        void report(String message, String pool);
    }

    static void checkCrd(MetalLbConfig config, MetalLbVersion version,
            ConfigValidator.BgpMode mode, Problems problems) {
        if (mode == ConfigValidator.BgpMode.FRR) {
            if (version.atLeast(0, 16, 0)) {
                frrPeersPerNode(config.peers(), version, problems);
            } else {
                frrPeers(config.peers(), problems);
            }
            return;
        }
        for (BgpPeerSpec p : config.peers()) {
            String peer = "peer " + nonNull(p.address());
            String object = "BGPPeer " + p.name();
            if (!empty(p.bfdProfile())) {
                problems.error(peer + " has bfd-profile set on native bgp mode", null, object, p.origin());
            }
            if (!empty(p.keepaliveTime()) && !isZeroDuration(p.keepaliveTime())) {
                problems.error(peer + " has keepalive-time set on native bgp mode", null, object, p.origin());
            }
            if (!empty(p.vrf())) {
                problems.error(peer + " has vrf set on native bgp mode", null, object, p.origin());
            }
            if (p.connectTime() != null) {
                problems.error(peer + " has connect time set on native bgp mode", null, object, p.origin());
            }
            if (p.enableGracefulRestart()) {
                problems.error(peer + " has EnableGracefulRestart flag set on native bgp mode", null, object, p.origin());
            }
            if (p.disableMp()) {
                problems.error(peer + " has disable MP flag set on native bgp mode", null, object, p.origin());
            }
            if (!empty(p.dynamicAsn())) {
                problems.error(peer + " has dynamicASN set on native bgp mode", null, object, p.origin());
            }
            if (!empty(p.iface())) {
                problems.error(peer + " has interface set on native bgp mode", null, object, p.origin());
            }
        }
        if (!config.bfdProfiles().isEmpty()) {
            problems.error("bfd profiles section set", null);
        }
        if (!config.bgpAdvertisements().isEmpty()) {
            // Since v0.14.9 only pools that a BGPAdvertisement selects must be IPv4-only; before, every pool.
            List<PoolSpec> ipPools = config.poolSpecs().stream().filter(p -> p.kind() == PoolKind.IP_ADDRESS_POOL).toList();
            List<PoolSpec> selected = version.atLeast(0, 14, 9) ? poolsSelectedForBgp(config, ipPools, version, problems) : ipPools;
            if (selected != null) {
                ipv6InNativeBgp(selected, version, problems, problems::error);
            }
        }
        if (version.atLeast(0, 14, 0)) {
            nonLegacyCommunities(config, version, problems);
        }
    }

    /**
     * {@code poolSelectorsForBGP} and its use in {@code findIPv6BGPAdvertisement}: the pools some BGPAdvertisement
     * selects, in pool order, or null after reporting a selector Kubernetes refuses (MetalLB stops there).
     */
    private static List<PoolSpec> poolsSelectedForBgp(MetalLbConfig config, List<PoolSpec> pools, MetalLbVersion version,
            Problems problems) {
        Set<String> names = new HashSet<>();
        List<LabelSelector> selectors = new ArrayList<>();
        for (BgpAdvertisementSpec adv : config.bgpAdvertisements()) {
            if (adv.selectsAllPools()) {
                return pools;
            }
            names.addAll(adv.ipAddressPools());
            for (LabelSelector selector : adv.ipAddressPoolSelectors()) {
                if (KubeSelectorRules.error(selector, version) != null) {
                    problems.error("invalid label selector " + KubeSelectorRules.value(selector), null,
                            "BGPAdvertisement " + adv.name(), adv.origin());
                    return null;
                }
                selectors.add(selector);
            }
        }
        if (names.isEmpty() && selectors.isEmpty()) {
            return pools;
        }
        return pools.stream().filter(p -> names.contains(p.name()) || selectors.stream().anyMatch(s -> s.matches(p.labels())))
                .toList();
    }

    /**
     * Native BGP speaks IPv4 only: MetalLB parses each address of each pool in order and stops at the first that does
     * not parse (reported here without the "parsing address pool" wrapping the pool checks add later) or is IPv6.
     * {@code samePass}: the problems of the pool checks that follow in the same component (since v0.13), which then
     * report an invalid address no second time; null where only v0.12's speakers run these checks.
     */
    private static void ipv6InNativeBgp(List<PoolSpec> pools, MetalLbVersion version, Problems samePass, ModeError modeError) {
        for (PoolSpec pool : pools) {
            for (String address : pool.addresses()) {
                List<Cidr> cidrs;
                try {
                    cidrs = MetalLbAddresses.parse(address, version);
                } catch (InvalidAddressException e) {
                    if (samePass != null) {
                        samePass.firstInvalidAddress(pool.name(), address);
                    }
                    modeError.report("invalid CIDR " + GoQuote.q(address) + " in pool " + GoQuote.q(pool.name()) + ": "
                            + e.getMessage(), pool.name());
                    return;
                }
                for (Cidr cidr : cidrs) {
                    if (GoFamily.of(cidr) == IpFamily.IPV6) {
                        modeError.report("pool " + GoQuote.q(pool.name()) + " has ipv6 CIDR " + cidr
                                + ", native bgp mode does not support ipv6", pool.name());
                        return;
                    }
                }
            }
        }
    }

    private static void nonLegacyCommunities(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        for (BgpAdvertisementSpec adv : config.bgpAdvertisements()) {
            for (String c : adv.communities()) {
                if (BgpCommunity.parse(c, version).kind() == BgpCommunity.Kind.LARGE) {
                    problems.error("native BGP mode only supports legacy communities, BGP advertisement " + GoQuote.q(adv.name())
                            + " has non legacy community " + GoQuote.q(c), null);
                }
            }
        }
        for (CommunitySpec community : config.communities()) {
            for (CommunitySpec.Alias alias : community.aliases()) {
                if (BgpCommunity.parse(alias.value(), version).kind() == BgpCommunity.Kind.LARGE) {
                    // %q of the CommunityAlias struct quotes each field.
                    problems.error("native BGP mode only supports legacy communities, BGP community CR " + GoQuote.q(community.name())
                            + " has non legacy community {" + GoQuote.q(alias.name()) + " " + GoQuote.q(alias.value()) + "}", null);
                }
            }
        }
    }

    /** The ConfigMap {@code DiscardNativeOnly} (v0.12): one router ID and one local ASN for all peers, no duplicate address. */
    private static void frrConfigMapPeers(List<BgpPeerSpec> peers, ModeError modeError) {
        if (peers.size() < 2) {
            return;
        }
        BgpPeerSpec first = peers.get(0);
        Set<String> addresses = new HashSet<>();
        addresses.add(nonNull(first.address()));
        for (BgpPeerSpec p : peers.subList(1, peers.size())) {
            if (!nonNull(p.routerId()).equals(nonNull(first.routerId()))) {
                modeError.report("peer " + nonNull(p.routerId()) + " has RouterID different from " + nonNull(first.routerId())
                        + ", in FRR mode all RouterID must be equal", null);
            }
            if (p.myAsn() != first.myAsn()) {
                modeError.report("peer " + nonNull(p.address()) + " has myAsn different from " + nonNull(first.address())
                        + ", in FRR mode all myAsn must be equal", null);
            }
            if (!addresses.add(nonNull(p.address()))) {
                modeError.report("peer " + nonNull(p.address()) + " already exists, FRR mode doesn't support duplicate BGPPeers", null);
            }
        }
    }

    /** {@code DiscardNativeOnly} of the CRD releases: one router ID for all peers, no duplicate peer, one local ASN per VRF. */
    private static void frrPeers(List<BgpPeerSpec> peers, Problems problems) {
        if (peers.size() > 1) {
            BgpPeerSpec first = peers.get(0);
            Set<String> ids = new HashSet<>();
            ids.add(identifier(first));
            for (BgpPeerSpec p : peers.subList(1, peers.size())) {
                if (!Objects.equals(nonNull(p.routerId()), nonNull(first.routerId()))) {
                    problems.error("peer " + nonNull(p.routerId()) + " has RouterID different from " + nonNull(first.routerId())
                            + ", in FRR mode all RouterID must be equal", null);
                }
                if (!ids.add(identifier(p))) {
                    problems.error("peer " + nonNull(p.address()) + " already exists, FRR mode doesn't support duplicate BGPPeers", null);
                }
            }
        }
        for (BgpPeerSpec p : peers) {
            for (BgpPeerSpec other : peers.subList(Math.min(1, peers.size()), peers.size())) {
                if (p.myAsn() != other.myAsn() && nonNull(p.vrf()).equals(nonNull(other.vrf()))) {
                    problems.error("peer " + nonNull(p.address()) + " has myAsn different from " + nonNull(other.address())
                            + ", in FRR mode all myAsn must be equal for the same VRF", null);
                    return;
                }
            }
        }
    }

    /**
     * {@code checkFRRPeersCompatible} of v0.16: only peers that select a common node must agree (router ID, address,
     * local ASN per VRF). Offline lbctl assumes one node without labels (see AdvertisementRules); MetalLB stops at the
     * first error, so this reports one.
     */
    private static void frrPeersPerNode(List<BgpPeerSpec> peers, MetalLbVersion version, Problems problems) {
        for (int i = 0; i < peers.size(); i++) {
            BgpPeerSpec p = peers.get(i);
            for (int j = 0; j < i; j++) {
                BgpPeerSpec q = peers.get(j);
                String error = KubeSelectorRules.filterError(p.nodeSelectors(), version);
                error = error != null ? error : KubeSelectorRules.filterError(q.nodeSelectors(), version);
                if (error != null) {
                    problems.error(error, null);
                    return;
                }
                if (KubeSelectorRules.selectsAssumedNode(p.nodeSelectors()) && KubeSelectorRules.selectsAssumedNode(q.nodeSelectors())) {
                    error = sameNodeError(p, q);
                    if (error != null) {
                        problems.error(error, null, null, null, Sentence.of("problem.assumedNodePeers"));
                        return;
                    }
                }
            }
        }
    }

    private static String sameNodeError(BgpPeerSpec p, BgpPeerSpec q) {
        if (!nonNull(p.routerId()).equals(nonNull(q.routerId()))) {
            return "peer " + nonNull(p.routerId()) + " has RouterID different from " + nonNull(q.routerId())
                    + ", in FRR mode peers selecting the same node must all have the same RouterID";
        }
        if (peerIdentifier(p).equals(peerIdentifier(q))) {
            return "peer " + peerIdentifier(p) + " already exists, FRR mode doesn't support duplicate BGPPeers selecting the same node";
        }
        if (p.myAsn() != q.myAsn() && nonNull(p.vrf()).equals(nonNull(q.vrf()))) {
            return "peer " + peerIdentifier(p) + " has myAsn different from " + peerIdentifier(q)
                    + ", in FRR mode peers selecting the same node must have the same myAsn within the same VRF";
        }
        return null;
    }

    /** {@code PeerIdentifier} of v0.16: the address (or interface), with {@code -VRF} only for a named VRF. */
    private static String peerIdentifier(BgpPeerSpec p) {
        String id = empty(p.address()) ? nonNull(p.iface()) : p.address();
        return empty(p.vrf()) ? id : id + "-" + p.vrf();
    }

    private static String identifier(BgpPeerSpec p) {
        return (empty(p.address()) ? nonNull(p.iface()) : p.address()) + "-" + nonNull(p.vrf());
    }

    private static boolean isZeroDuration(String text) {
        try {
            return GoDuration.parse(text) == 0;
        } catch (GoDuration.DurationException e) {
            return false;
        }
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
