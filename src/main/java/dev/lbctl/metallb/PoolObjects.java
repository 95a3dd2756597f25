package dev.lbctl.metallb;

import dev.lbctl.config.ConfigStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The MetalLB resources for lbctl's pools on a CRD release (v0.13+): one IPAddressPool per pool and one L2Advertisement
 * per pool, named {@code <pool>-l2} and limited to that pool. An advertisement per pool (rather than one for all pools)
 * keeps pools that others created out of lbctl's announcements, and lets uninstall remove exactly lbctl's objects,
 * which all carry {@value #MANAGED_BY_LABEL}={@value #MANAGED_BY_VALUE}. With BGP, each pool gets a BGPAdvertisement
 * {@code <pool>-bgp} instead (or, with {@link BgpSpec#layer2()}, as well), and the router one BGPPeer.
 */
public final class PoolObjects {

    public static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "lbctl";
    static final String API_VERSION = "metallb.io/v1beta1";
    static final String BGP_PEER_API_VERSION = "metallb.io/v1beta2";
    static final String L2_ADVERTISEMENT_SUFFIX = "-l2";
    static final String BGP_ADVERTISEMENT_SUFFIX = "-bgp";

    private PoolObjects() {
    }

    /** The pools first, then their advertisements, so that each advertisement names an existing pool. */
    public static List<Map<String, Object>> forCrds(MetalLbRelease release, List<PoolSpec> pools) {
        return forCrds(release, pools, Optional.empty());
    }

    /** As {@link #forCrds(MetalLbRelease, List)}, announced by BGP when {@code bgp} is given; the peer comes last. */
    public static List<Map<String, Object>> forCrds(MetalLbRelease release, List<PoolSpec> pools, Optional<BgpSpec> bgp) {
        if (release.configStyle() != ConfigStyle.CRD) {
            throw new IllegalArgumentException(release.tag() + " is configured by ConfigMap; use LegacyPoolConfig");
        }
        List<Map<String, Object>> objects = new ArrayList<>();
        for (PoolSpec pool : pools) {
            objects.add(ipAddressPool(release.namespace(), pool));
        }
        if (bgp.isEmpty() || bgp.get().layer2()) {
            for (PoolSpec pool : pools) {
                objects.add(l2Advertisement(release.namespace(), pool));
            }
        }
        bgp.ifPresent(b -> {
            for (PoolSpec pool : pools) {
                objects.add(bgpAdvertisement(release.namespace(), pool, b));
            }
            objects.add(bgpPeer(release.namespace(), b));
        });
        return objects;
    }

    public static String l2AdvertisementName(String poolName) {
        return poolName + L2_ADVERTISEMENT_SUFFIX;
    }

    private static Map<String, Object> ipAddressPool(String namespace, PoolSpec pool) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("addresses", pool.addresses());
        spec.put("autoAssign", pool.autoAssign());
        spec.put("avoidBuggyIPs", pool.avoidBuggyIps());
        return object("IPAddressPool", pool.name(), namespace, spec);
    }

    private static Map<String, Object> l2Advertisement(String namespace, PoolSpec pool) {
        return object("L2Advertisement", l2AdvertisementName(pool.name()), namespace,
                Map.of("ipAddressPools", List.of(pool.name())));
    }

    private static Map<String, Object> bgpAdvertisement(String namespace, PoolSpec pool, BgpSpec bgp) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("ipAddressPools", List.of(pool.name()));
        spec.put("peers", List.of(bgp.peerName()));
        bgp.aggregationLength().ifPresent(n -> spec.put("aggregationLength", n));
        bgp.community().ifPresent(c -> spec.put("communities", List.of(c)));
        return object("BGPAdvertisement", pool.name() + BGP_ADVERTISEMENT_SUFFIX, namespace, spec);
    }

    private static Map<String, Object> bgpPeer(String namespace, BgpSpec bgp) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("myASN", bgp.myAsn());
        spec.put("peerASN", bgp.peerAsn());
        spec.put("peerAddress", bgp.peerAddress());
        bgp.peerPort().ifPresent(p -> spec.put("peerPort", p));
        bgp.holdTime().ifPresent(t -> spec.put("holdTime", t));
        if (!bgp.nodeSelector().isEmpty()) {
            spec.put("nodeSelectors", List.of(Map.of("matchLabels", new java.util.TreeMap<>(bgp.nodeSelector()))));
        }
        // A SecretReference (metallb@v0.16.1:api/v1beta2/bgppeer_types.go, passwordSecret); MetalLB reads it only
        // from its own namespace.
        bgp.passwordSecret().ifPresent(s -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", s);
            ref.put("namespace", namespace);
            spec.put("passwordSecret", ref);
        });
        Map<String, Object> peer = object("BGPPeer", bgp.peerName(), namespace, spec);
        peer.put("apiVersion", BGP_PEER_API_VERSION);
        return peer;
    }

    private static Map<String, Object> object(String kind, String name, String namespace, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("labels", Map.of(MANAGED_BY_LABEL, MANAGED_BY_VALUE));
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", API_VERSION);
        object.put("kind", kind);
        object.put("metadata", metadata);
        object.put("spec", spec);
        return object;
    }
}
