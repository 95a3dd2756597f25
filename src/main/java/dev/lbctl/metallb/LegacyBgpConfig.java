package dev.lbctl.metallb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What lbctl writes into the ConfigMap of v0.9 to v0.12 beyond Layer 2 pools: which of its pools are {@code protocol:
 * bgp} with their {@code bgp-advertisements}, its {@code peers}, and its {@code bgp-communities} aliases, each entry
 * in the form MetalLB's {@code configFile} decodes ({@code metallb@v0.12.1:internal/config/config.go} lines 35-80).
 *
 * @param bgpPools names of lbctl's pools announced by BGP (every other lbctl pool is {@code layer2})
 * @param advertisements a BGP pool's {@code bgp-advertisements}; a pool without an entry gets MetalLB's default (one
 *     advertisement of each address as a /32)
 * @param peers {@code peers} entries; lbctl tells its own from the user's by {@code peer-address}
 * @param passwordSecret the Secret whose {@code password} key becomes the {@code --bgp-peer} peer's {@code password},
 *     read at install time
 */
public record LegacyBgpConfig(Set<String> bgpPools, Map<String, List<Map<String, Object>>> advertisements,
                              List<Map<String, Object>> peers, Map<String, String> communities,
                              Optional<String> passwordSecret) {

    public static final LegacyBgpConfig NONE = new LegacyBgpConfig(Set.of(), Map.of(), List.of(), Map.of(), Optional.empty());

    static final String PEER_ADDRESS = "peer-address";

    public LegacyBgpConfig {
        bgpPools = Set.copyOf(bgpPools);
        advertisements = Map.copyOf(advertisements);
        peers = List.copyOf(peers);
        communities = new TreeMap<>(communities);
    }

    /**
     * {@code --bgp-peer} on a ConfigMap release: every pool is {@code protocol: bgp}, and one peer. The ConfigMap
     * format has no Layer 2 announcement of a BGP pool (a pool has one protocol, {@code parseAddressPool}, and pools
     * may not overlap), so {@link BgpSpec#layer2()} is the caller's to refuse.
     */
    public static LegacyBgpConfig forPeer(List<PoolSpec> pools, BgpSpec bgp) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, List<Map<String, Object>>> advertisements = new LinkedHashMap<>();
        for (PoolSpec pool : pools) {
            names.add(pool.name());
            // An empty advertisement list means MetalLB's default (parseBGPAdvertisements, lines 497-507); write one
            // only when it says something, so the config reads as the options given.
            Map<String, Object> ad = new LinkedHashMap<>();
            bgp.aggregationLength().ifPresent(n -> ad.put("aggregation-length", n));
            bgp.community().ifPresent(c -> ad.put("communities", List.of(c)));
            if (!ad.isEmpty()) {
                advertisements.put(pool.name(), List.of(ad));
            }
        }
        return new LegacyBgpConfig(names, advertisements, List.of(peer(bgp)), Map.of(), bgp.passwordSecret());
    }

    /** The ConfigMap {@code peer} struct (lines 42-55): only what the options set, MetalLB's defaults otherwise. */
    private static Map<String, Object> peer(BgpSpec bgp) {
        Map<String, Object> peer = new LinkedHashMap<>();
        peer.put(PEER_ADDRESS, bgp.peerAddress());
        peer.put("peer-asn", asRead(bgp.peerAsn()));
        peer.put("my-asn", asRead(bgp.myAsn()));
        bgp.peerPort().ifPresent(p -> peer.put("peer-port", p));
        bgp.holdTime().ifPresent(t -> peer.put("hold-time", t));
        if (!bgp.nodeSelector().isEmpty()) {
            peer.put("node-selectors", List.of(Map.of("match-labels", new TreeMap<>(bgp.nodeSelector()))));
        }
        return peer;
    }

    /** A number as YAML reads it back (an Integer when it fits), so that a second install finds nothing changed. */
    private static Number asRead(long n) {
        if (n <= Integer.MAX_VALUE) {
            return (int) n; // not a conditional expression, which would promote both branches to long
        }
        return n;
    }

    /**
     * A ConfigMap file's BGP entries, as written: the {@code peers}, the {@code bgp-communities}, and for each
     * {@code protocol: bgp} pool its {@code bgp-advertisements}.
     *
     * @param config the file's configuration mapping (the {@code config} text, decoded)
     */
    @SuppressWarnings("unchecked")
    public static LegacyBgpConfig fromFile(Map<String, Object> config) {
        Set<String> names = new LinkedHashSet<>();
        Map<String, List<Map<String, Object>>> advertisements = new LinkedHashMap<>();
        for (Object item : list(config.get("address-pools"))) {
            if (item instanceof Map<?, ?> pool && "bgp".equals(pool.get("protocol")) && pool.get("name") instanceof String name) {
                names.add(name);
                List<Map<String, Object>> ads = new ArrayList<>();
                list(pool.get("bgp-advertisements")).forEach(ad -> ads.add((Map<String, Object>) ad));
                if (!ads.isEmpty()) {
                    advertisements.put(name, ads);
                }
            }
        }
        List<Map<String, Object>> peers = new ArrayList<>();
        list(config.get("peers")).forEach(p -> peers.add((Map<String, Object>) p));
        Map<String, String> communities = new LinkedHashMap<>();
        if (config.get("bgp-communities") instanceof Map<?, ?> aliases) {
            aliases.forEach((alias, value) -> communities.put(String.valueOf(alias), String.valueOf(value)));
        }
        return new LegacyBgpConfig(names, advertisements, peers, communities, Optional.empty());
    }

    private static List<?> list(Object value) {
        return value instanceof List<?> l ? l : List.of();
    }

    /** The peers' addresses, by which the ConfigMap annotation records which peers are lbctl's. */
    public Set<String> peerAddresses() {
        Set<String> addresses = new TreeSet<>();
        peers.forEach(p -> addresses.add(String.valueOf(p.get(PEER_ADDRESS))));
        return addresses;
    }

    public boolean isEmpty() {
        return bgpPools.isEmpty() && peers.isEmpty() && communities.isEmpty();
    }
}
