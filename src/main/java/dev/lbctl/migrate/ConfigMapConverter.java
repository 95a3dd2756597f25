package dev.lbctl.migrate;

import dev.lbctl.config.BfdProfileSpec;
import dev.lbctl.config.BgpPeerSpec;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.config.LegacyBgpAdvertisement;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.PoolSpec;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.LabelSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts a legacy ConfigMap configuration to MetalLB custom resources the way MetalLB's configmaptocrs does
 * ({@code metallb/metallb:configmaptocrs/main.go}), object for object and in its order: BGPPeers {@code peerN},
 * IPAddressPools, BGPAdvertisements {@code bgpadvertisementN}, L2Advertisements {@code l2advertisementN}, BFDProfiles,
 * and one Community {@code communities}.
 *
 * <p>Objects are plain maps in the JSON form of the resource, keys in the order configmaptocrs prints them (sorted),
 * without the empty {@code creationTimestamp}, {@code status} and {@code passwordSecret} that its Go structs add.
 * The configuration must have passed the legacy validation: this class converts, it does not check MetalLB's rules.
 */
public final class ConfigMapConverter {

    public static final String NAMESPACE = "metallb-system";
    static final String GROUP_V1BETA1 = "metallb.io/v1beta1";
    static final String GROUP_V1BETA2 = "metallb.io/v1beta2";
    /** v1beta2 BGPPeer's CRD schema: {@code peerPort} maximum 16384 (the ConfigMap took any uint16). */
    static final long MAX_PEER_PORT = 16384;
    private static final String DEFAULT_HOLD_TIME = "1m30s";

    /**
     * The resources, and one sentence per name that changed on the way.
     *
     * @param renames e.g. {@code address pool "My_Pool" becomes IPAddressPool "my-pool": Services that ...}
     */
    public record Conversion(List<Map<String, Object>> resources, List<String> renames) {
        public Conversion {
            resources = List.copyOf(resources);
            renames = List.copyOf(renames);
        }
    }

    private final List<String> renames = new ArrayList<>();
    private final Map<String, String> poolNames = new HashMap<>();
    private final Map<String, String> profileNames = new HashMap<>();

    private ConfigMapConverter() {
    }

    public static Conversion convert(MetalLbConfig config) {
        if (config.style() != ConfigStyle.LEGACY_CONFIGMAP) {
            throw new IllegalArgumentException("only a legacy ConfigMap configuration can be converted");
        }
        ConfigMapConverter converter = new ConfigMapConverter();
        converter.nameObjects(config);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < config.peers().size(); i++) {
            out.add(converter.peer(config.peers().get(i), i + 1));
        }
        config.poolSpecs().forEach(pool -> out.add(converter.ipAddressPool(pool)));
        out.addAll(converter.bgpAdvertisements(config.poolSpecs()));
        out.addAll(converter.l2Advertisements(config.poolSpecs()));
        config.bfdProfiles().forEach(profile -> out.add(converter.bfdProfile(profile)));
        if (!config.legacyCommunities().isEmpty()) {
            out.add(community(config.legacyCommunities()));
        }
        return new Conversion(out, converter.renames);
    }

    /** configmaptocrs renames pools and BFD profiles before it converts anything; two old names may not meet. */
    private void nameObjects(MetalLbConfig config) {
        Map<String, String> takenPools = new HashMap<>();
        for (PoolSpec pool : config.poolSpecs()) {
            poolNames.put(pool.name(), rename(pool.name(), Messages.get("migrate.what.addressPool"), "IPAddressPool", takenPools));
        }
        Map<String, String> takenProfiles = new HashMap<>();
        for (BfdProfileSpec profile : config.bfdProfiles()) {
            profileNames.put(profile.name(), rename(profile.name(), Messages.get("migrate.what.bfdProfile"), "BFDProfile", takenProfiles));
        }
    }

    private String rename(String name, String what, String kind, Map<String, String> taken) {
        String converted = CrdNames.of(name, what, kind);
        String earlier = taken.putIfAbsent(converted, name);
        if (earlier != null) {
            throw new InvalidInputException(Messages.get("migrate.collision", what, GoQuote.q(earlier), GoQuote.q(name), kind,
                    GoQuote.q(converted)));
        }
        if (!converted.equals(name)) {
            renames.add(Messages.get(kind.equals("IPAddressPool") ? "migrate.renamed.pool" : "migrate.renamed.other", what,
                    GoQuote.q(name), kind, GoQuote.q(converted)));
        }
        return converted;
    }

    private Map<String, Object> peer(BgpPeerSpec p, int index) {
        if (p.port() > MAX_PEER_PORT) {
            throw new InvalidInputException(Messages.get("migrate.peerPort", index, p.address(), p.port(), MAX_PEER_PORT));
        }
        Map<String, Object> spec = new LinkedHashMap<>();
        putIfText(spec, "bfdProfile", p.bfdProfile() == null || p.bfdProfile().isEmpty() ? null : profileName(p.bfdProfile()));
        if (p.ebgpMultiHop()) {
            spec.put("ebgpMultiHop", true);
        }
        spec.put("holdTime", empty(p.holdTime()) ? DEFAULT_HOLD_TIME : GoDurations.wholeSeconds(p.holdTime()));
        if (!empty(p.keepaliveTime())) {
            spec.put("keepaliveTime", GoDurations.wholeSeconds(p.keepaliveTime()));
        }
        spec.put("myASN", p.myAsn());
        if (!p.nodeSelectors().isEmpty()) {
            spec.put("nodeSelectors", p.nodeSelectors().stream().map(ConfigMapConverter::selector).toList());
        }
        putIfText(spec, "password", p.password());
        if (p.peerAsn() != 0) {
            spec.put("peerASN", p.peerAsn());
        }
        putIfText(spec, "peerAddress", p.address());
        if (p.port() != 0) {
            spec.put("peerPort", p.port());
        }
        putIfText(spec, "routerID", p.routerId());
        putIfText(spec, "sourceAddress", p.sourceAddress());
        return resource(GROUP_V1BETA2, "BGPPeer", "peer" + index, spec);
    }

    /** {@code parseNodeSelector}: labels and expressions as written; Go's JSON sorts the label keys. */
    private static Map<String, Object> selector(LabelSelector selector) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!selector.matchExpressions().isEmpty()) {
            out.put("matchExpressions", selector.matchExpressions().stream().map(r -> {
                Map<String, Object> requirement = new LinkedHashMap<>();
                requirement.put("key", r.key());
                requirement.put("operator", r.operator().name());
                if (!r.values().isEmpty()) {
                    requirement.put("values", r.values());
                }
                return requirement;
            }).toList());
        }
        if (!selector.matchLabels().isEmpty()) {
            out.put("matchLabels", new TreeMap<>(selector.matchLabels()));
        }
        return out;
    }

    private Map<String, Object> ipAddressPool(PoolSpec pool) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("addresses", pool.addresses());
        // configmaptocrs copies auto-assign when written; true is the CRD default, so only false needs saying.
        if (!pool.autoAssign()) {
            spec.put("autoAssign", false);
        }
        if (pool.avoidBuggyIps()) {
            spec.put("avoidBuggyIPs", true);
        }
        return resource(GROUP_V1BETA1, "IPAddressPool", poolNames.get(pool.name()), spec);
    }

    /** One per {@code bgp-advertisements} entry, numbered across pools; a bgp pool without any gets an empty one. */
    private List<Map<String, Object>> bgpAdvertisements(List<PoolSpec> pools) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PoolSpec pool : pools) {
            for (LegacyBgpAdvertisement ad : pool.bgpAdvertisements()) {
                Map<String, Object> spec = new LinkedHashMap<>();
                if (ad.aggregationLength() != null) {
                    spec.put("aggregationLength", ad.aggregationLength());
                }
                if (ad.aggregationLengthV6() != null) {
                    spec.put("aggregationLengthV6", ad.aggregationLengthV6());
                }
                if (!ad.communities().isEmpty()) {
                    spec.put("communities", ad.communities());
                }
                spec.put("ipAddressPools", List.of(poolNames.get(pool.name())));
                if (ad.localPref() != null && ad.localPref() != 0) {
                    spec.put("localPref", ad.localPref());
                }
                out.add(resource(GROUP_V1BETA1, "BGPAdvertisement", "bgpadvertisement" + (out.size() + 1), spec));
            }
            if (pool.bgpAdvertisements().isEmpty() && "bgp".equals(pool.protocol())) {
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("ipAddressPools", List.of(poolNames.get(pool.name())));
                out.add(resource(GROUP_V1BETA1, "BGPAdvertisement", "bgpadvertisement" + (out.size() + 1), spec));
            }
        }
        return out;
    }

    private List<Map<String, Object>> l2Advertisements(List<PoolSpec> pools) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PoolSpec pool : pools) {
            if ("layer2".equals(pool.protocol())) {
                Map<String, Object> spec = new LinkedHashMap<>();
                spec.put("ipAddressPools", List.of(poolNames.get(pool.name())));
                out.add(resource(GROUP_V1BETA1, "L2Advertisement", "l2advertisement" + (out.size() + 1), spec));
            }
        }
        return out;
    }

    /** configmaptocrs always writes echoMode and passiveMode (pointers to the ConfigMap's booleans). */
    private Map<String, Object> bfdProfile(BfdProfileSpec profile) {
        Map<String, Object> spec = new LinkedHashMap<>();
        putIfNumber(spec, "detectMultiplier", profile.detectMultiplier());
        putIfNumber(spec, "echoInterval", profile.echoInterval());
        spec.put("echoMode", profile.echoMode());
        putIfNumber(spec, "minimumTtl", profile.minimumTtl());
        spec.put("passiveMode", profile.passiveMode());
        putIfNumber(spec, "receiveInterval", profile.receiveInterval());
        putIfNumber(spec, "transmitInterval", profile.transmitInterval());
        return resource(GROUP_V1BETA1, "BFDProfile", profileNames.get(profile.name()), spec);
    }

    /** All aliases in one Community named {@code communities}, sorted by alias so that the output is stable. */
    private static Map<String, Object> community(Map<String, String> aliases) {
        List<Map<String, Object>> list = new ArrayList<>();
        new TreeMap<>(aliases).forEach((name, value) -> {
            Map<String, Object> alias = new LinkedHashMap<>();
            alias.put("name", name);
            alias.put("value", value);
            list.add(alias);
        });
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("communities", list);
        return resource(GROUP_V1BETA1, "Community", "communities", spec);
    }

    /** A peer's bfd-profile goes through the same conversion as the profile's own name. */
    private String profileName(String name) {
        String converted = profileNames.get(name);
        return converted != null ? converted : CrdNames.of(name, Messages.get("migrate.what.bfdProfile"), "BFDProfile");
    }

    private static Map<String, Object> resource(String apiVersion, String kind, String name, Map<String, Object> spec) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", NAMESPACE);
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("apiVersion", apiVersion);
        object.put("kind", kind);
        object.put("metadata", metadata);
        object.put("spec", spec);
        return object;
    }

    private static void putIfText(Map<String, Object> spec, String key, String value) {
        if (!empty(value)) {
            spec.put(key, value);
        }
    }

    private static void putIfNumber(Map<String, Object> spec, String key, Long value) {
        if (value != null) {
            spec.put(key, value);
        }
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }
}
