package dev.lbctl.config;

import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.IpFamily;
import dev.lbctl.pool.KubernetesNames;
import dev.lbctl.pool.MetalLbVersion;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What MetalLB accepts but is almost always a mistake in a Layer 2 setup. Each warning names the pool and the value
 * and says why it matters.
 */
final class LbctlWarnings {

    /** 2^16: more IPv4 addresses than any on-prem L2 segment plausibly has free. */
    static final BigInteger LARGE_IPV4_POOL = BigInteger.valueOf(65_536);

    /** 2^64: a whole IPv6 subnet; a Layer 2 pool cannot usefully be wider. */
    static final BigInteger LARGE_IPV6_POOL = BigInteger.TWO.pow(64);

    private static final String METALLB_NAMESPACE = "metallb-system";

    private LbctlWarnings() {
    }

    static void check(MetalLbConfig config, List<CheckedPool> pools, MetalLbVersion version, Problems problems) {
        for (CheckedPool pool : pools) {
            emptyRanges(pool, version, problems);
            networkAndBroadcast(pool, problems);
            largePool(pool, problems);
        }
        if (config.style() == ConfigStyle.CRD) {
            objectNames(pools, problems);
            unannounced(config, pools, problems);
            unknownPoolNames(config, problems);
            unknownPeerNames(config, problems);
            foreignNamespaces(config, problems);
        }
    }

    /**
     * A range whose ends are of different families (or reversed, before v0.11) summarizes to no prefix at all. MetalLB
     * accepts it silently; lbctl makes it an error, because the user certainly meant some addresses.
     */
    private static void emptyRanges(CheckedPool pool, MetalLbVersion version, Problems problems) {
        for (Map.Entry<String, List<Cidr>> entry : pool.cidrsByAddress().entrySet()) {
            if (entry.getValue().isEmpty()) {
                problems.lbctlError("empty-range", pool.name(), "problem.emptyRange", GoQuote.q(pool.name()),
                        GoQuote.q(entry.getKey()), version);
            }
        }
    }

    private static void networkAndBroadcast(CheckedPool pool, Problems problems) {
        if (pool.spec().avoidBuggyIps()) {
            return;
        }
        for (Map.Entry<String, List<Cidr>> entry : pool.cidrsByAddress().entrySet()) {
            if (entry.getKey().contains("-") || entry.getValue().size() != 1) {
                continue;
            }
            Cidr cidr = entry.getValue().get(0);
            if (cidr.family() == IpFamily.IPV4 && cidr.prefixLength() <= 30) {
                boolean buggy = cidr.first().confusesBuggyFirmware() || cidr.last().confusesBuggyFirmware();
                problems.warning("network-and-broadcast", pool.name(),
                        buggy ? "problem.networkAndBroadcast.buggyIps" : "problem.networkAndBroadcast",
                        GoQuote.q(pool.name()), cidr.first(), cidr.last(), cidr, cidr.first().plus(1), lastUsable(cidr));
            }
        }
    }

    private static String lastUsable(Cidr cidr) {
        return IpAddress.of(cidr.family(), cidr.last().value().subtract(BigInteger.ONE)).toString();
    }

    private static void largePool(CheckedPool pool, Problems problems) {
        BigInteger v4 = pool.cidrs().stream().filter(c -> c.family() == IpFamily.IPV4).map(Cidr::size)
                .reduce(BigInteger.ZERO, BigInteger::add);
        if (v4.compareTo(LARGE_IPV4_POOL) > 0) {
            problems.warning("large-pool", pool.name(), "problem.largeIpv4Pool", GoQuote.q(pool.name()), v4);
        }
        BigInteger v6 = pool.cidrs().stream().filter(c -> c.family() == IpFamily.IPV6).map(Cidr::size)
                .reduce(BigInteger.ZERO, BigInteger::add);
        if (v6.compareTo(LARGE_IPV6_POOL) > 0) {
            problems.warning("large-pool", pool.name(), "problem.largeIpv6Pool", GoQuote.q(pool.name()), v6);
        }
    }

    /** The API server refuses an object whose name is not an RFC 1123 subdomain, before MetalLB ever sees it. */
    private static void objectNames(List<CheckedPool> pools, Problems problems) {
        for (CheckedPool pool : pools) {
            if (!pool.name().isEmpty() && !KubernetesNames.isDnsSubdomain(pool.name())) {
                problems.refusal("invalid-object-name", pool.name(), "problem.invalidPoolName", GoQuote.q(pool.name()));
            }
        }
    }

    private static void unannounced(MetalLbConfig config, List<CheckedPool> pools, Problems problems) {
        for (CheckedPool pool : pools) {
            if (pool.spec().kind() != PoolKind.IP_ADDRESS_POOL) {
                continue;
            }
            if (!config.announces(pool.spec())) {
                problems.warning("pool-not-announced", pool.name(), "problem.poolNotAnnounced", GoQuote.q(pool.name()));
            }
        }
    }

    private static void unknownPoolNames(MetalLbConfig config, Problems problems) {
        Set<String> names = config.poolSpecs().stream().map(PoolSpec::name).collect(Collectors.toSet());
        for (Advertisement adv : advertisements(config)) {
            for (String pool : adv.ipAddressPools()) {
                if (!names.contains(pool)) {
                    problems.warning("unknown-pool", pool, "problem.unknownPool", adv.kind(), GoQuote.q(adv.name()),
                            GoQuote.q(pool));
                }
            }
        }
    }

    private static void unknownPeerNames(MetalLbConfig config, Problems problems) {
        Set<String> names = config.peers().stream().map(BgpPeerSpec::name).collect(Collectors.toSet());
        for (BgpAdvertisementSpec adv : config.bgpAdvertisements()) {
            for (String peer : adv.peers()) {
                if (!names.contains(peer)) {
                    problems.warning("unknown-peer", null, "problem.unknownPeer", GoQuote.q(adv.name()), GoQuote.q(peer));
                }
            }
        }
    }

    private static void foreignNamespaces(MetalLbConfig config, Problems problems) {
        config.poolSpecs().stream().filter(p -> isForeign(p.origin())).forEach(p -> problems.warning("foreign-namespace",
                p.name(), "problem.poolInForeignNamespace", GoQuote.q(p.name()), GoQuote.q(p.origin().namespace()),
                METALLB_NAMESPACE));
        for (Advertisement adv : advertisements(config)) {
            if (isForeign(adv.origin())) {
                problems.warning("foreign-namespace", null, "problem.advertisementInForeignNamespace", adv.kind(),
                        GoQuote.q(adv.name()), GoQuote.q(adv.origin().namespace()), METALLB_NAMESPACE);
            }
        }
    }

    private static boolean isForeign(Origin origin) {
        return origin.namespace() != null && !origin.namespace().equals(METALLB_NAMESPACE);
    }

    private static List<Advertisement> advertisements(MetalLbConfig config) {
        return Stream.concat(config.l2Advertisements().stream(), config.bgpAdvertisements().stream())
                .map(Advertisement.class::cast).toList();
    }
}
