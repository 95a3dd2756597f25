package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.representer.Representer;

/**
 * lbctl's pools and BGP peers in the legacy configuration of v0.9 to v0.12 (ConfigMap {@code config}, key
 * {@code config}), which may also hold pools, peers and community aliases that others wrote. lbctl records what it owns
 * in ConfigMap annotations ({@value #MANAGED_POOLS_ANNOTATION} by pool name, {@value #MANAGED_PEERS_ANNOTATION} by
 * peer address, {@value #MANAGED_COMMUNITIES_ANNOTATION} by alias) and only ever replaces or removes those. The text
 * is re-written (by a YAML dump, which drops its comments) only when the entries actually change.
 */
public final class LegacyPoolConfig {

    public static final String CONFIG_MAP_NAME = "config";
    public static final String DATA_KEY = "config";
    /** Comma-separated names of the pools lbctl wrote, e.g. "lan,dmz". */
    public static final String MANAGED_POOLS_ANNOTATION = "lbctl.dev/managed-pools";
    /** Comma-separated {@code peer-address} values of the peers lbctl wrote. */
    public static final String MANAGED_PEERS_ANNOTATION = "lbctl.dev/managed-peers";
    /** Comma-separated {@code bgp-communities} aliases lbctl wrote. */
    public static final String MANAGED_COMMUNITIES_ANNOTATION = "lbctl.dev/managed-bgp-communities";

    private static final String SOURCE = "ConfigMap " + MetalLbRelease.NAMESPACE + "/" + CONFIG_MAP_NAME;
    private static final String POOLS = "address-pools";
    private static final String PEERS = "peers";
    private static final String COMMUNITIES = "bgp-communities";

    /** What lbctl owns in the ConfigMap, as its annotations record it. */
    public record Owned(Set<String> pools, Set<String> peers, Set<String> communities) {
        public static final Owned NOTHING = new Owned(Set.of(), Set.of(), Set.of());

        public Owned {
            pools = Set.copyOf(pools);
            peers = Set.copyOf(peers);
            communities = Set.copyOf(communities);
        }

        /** Reads the annotations; an absent or blank value means lbctl owns nothing of that kind. */
        public static Owned of(Map<String, String> annotations) {
            return new Owned(names(annotations.get(MANAGED_POOLS_ANNOTATION)), names(annotations.get(MANAGED_PEERS_ANNOTATION)),
                    names(annotations.get(MANAGED_COMMUNITIES_ANNOTATION)));
        }

        /**
         * The annotations that record this; the pools' is always there (it marks a ConfigMap lbctl merged into), the
         * others only when lbctl owns something of their kind.
         */
        public Map<String, String> annotations() {
            Map<String, String> annotations = new LinkedHashMap<>();
            annotations.put(MANAGED_POOLS_ANNOTATION, String.join(",", new TreeSet<>(pools)));
            if (!peers.isEmpty()) {
                annotations.put(MANAGED_PEERS_ANNOTATION, String.join(",", new TreeSet<>(peers)));
            }
            if (!communities.isEmpty()) {
                annotations.put(MANAGED_COMMUNITIES_ANNOTATION, String.join(",", new TreeSet<>(communities)));
            }
            return annotations;
        }

        /** The ConfigMap's annotations with these in place of what they said before. */
        public Map<String, String> replacing(Map<String, String> annotations) {
            Map<String, String> updated = new LinkedHashMap<>(annotations);
            ANNOTATIONS.forEach(updated::remove);
            updated.putAll(annotations());
            return updated;
        }
    }

    /** Every annotation lbctl keeps on the ConfigMap, so uninstall removes them all. */
    public static final List<String> ANNOTATIONS = List.of(MANAGED_POOLS_ANNOTATION, MANAGED_PEERS_ANNOTATION,
            MANAGED_COMMUNITIES_ANNOTATION);

    /**
     * The new config text and what lbctl now owns; {@code changed} tells whether the ConfigMap (data or annotations)
     * must be written. {@code theirs} names the entries of others that the text keeps (e.g. "peer 192.0.2.1").
     */
    public record Update(String configText, Owned owned, List<String> theirs, boolean changed) {
        public Update {
            theirs = List.copyOf(theirs);
        }

        /** Without the text, which may hold a peer's password. */
        @Override
        public String toString() {
            return "Update[owned=" + owned + ", theirs=" + theirs + ", changed=" + changed + "]";
        }
    }

    private LegacyPoolConfig() {
    }

    private static Set<String> names(String annotation) {
        return Optional.ofNullable(annotation).stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Makes lbctl's entries exactly {@code pools} and {@code bgp}: a pool lbctl manages is replaced in place or, when
     * no longer wanted, removed, and new pools are appended; lbctl's peers take the place of the first peer it had
     * (or are appended); its community aliases are set. Every other pool, peer, alias and key is kept as it is.
     *
     * @param existingConfig the ConfigMap's {@code config} text, empty when there is no ConfigMap yet
     * @param password the {@code password} of the peer {@code bgp} renders from {@code --bgp-peer}, read from
     *     {@link LegacyBgpConfig#passwordSecret()} at install time
     * @throws InvalidInputException when one of the entries has the name (or peer address) of one lbctl does not own
     */
    public static Update merge(Optional<String> existingConfig, Owned owned, List<PoolSpec> pools, LegacyBgpConfig bgp,
                               Optional<PeerPassword> password) {
        String original = existingConfig.orElse("");
        Map<String, Object> config = parse(original);
        List<String> theirs = new ArrayList<>();
        Map<String, Map<String, Object>> wanted = rendered(pools, bgp);
        List<Object> before = listOf(config, POOLS);
        List<Object> after = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Object pool : before) {
            String name = pool instanceof Map<?, ?> map && map.get("name") instanceof String s ? s : null;
            if (name != null && wanted.containsKey(name)) {
                if (!owned.pools().contains(name)) {
                    throw new InvalidInputException(Messages.get("legacyPools.foreignPool", SOURCE, name));
                }
                after.add(wanted.get(name));
                placed.add(name);
            } else if (name == null || !owned.pools().contains(name)) {
                after.add(pool);
                if (name != null) {
                    theirs.add("pool " + name);
                }
            }
        }
        wanted.forEach((name, pool) -> {
            if (!placed.contains(name)) {
                after.add(pool);
            }
        });
        List<Object> peersBefore = listOf(config, PEERS);
        List<Object> peersAfter = peers(peersBefore, owned.peers(), withPassword(bgp, password), theirs);
        Map<String, Object> communitiesBefore = mapOf(config, COMMUNITIES);
        Set<String> ownedCommunities = new TreeSet<>();
        Map<String, Object> communitiesAfter = communities(communitiesBefore, owned.communities(), bgp.communities(),
                ownedCommunities, theirs);
        boolean textChanged = !after.equals(before) || !peersAfter.equals(peersBefore)
                || !communitiesAfter.equals(communitiesBefore);
        Map<String, Object> updated = new LinkedHashMap<>(config);
        put(updated, COMMUNITIES, communitiesAfter);
        put(updated, PEERS, peersAfter);
        put(updated, POOLS, after);
        String text = textChanged ? dump(updated) : original;
        Owned now = new Owned(wanted.keySet(), bgp.peerAddresses(), ownedCommunities);
        return new Update(text, now, theirs, textChanged || !now.equals(owned));
    }

    /** For uninstall: removes the entries lbctl owns and keeps everything else. */
    public static Update withoutManagedEntries(Optional<String> existingConfig, Owned owned) {
        return merge(existingConfig, owned, List.of(), LegacyBgpConfig.NONE, Optional.empty());
    }

    private static List<Map<String, Object>> withPassword(LegacyBgpConfig bgp, Optional<PeerPassword> password) {
        if (password.isEmpty()) {
            return bgp.peers();
        }
        // Only the --bgp-peer peer takes a password from a Secret, and it is the one peer then.
        return bgp.peers().stream().map(p -> {
            Map<String, Object> copy = new LinkedHashMap<>(p);
            copy.put("password", password.get().value());
            return copy;
        }).toList();
    }

    private static List<Object> peers(List<Object> before, Set<String> owned, List<Map<String, Object>> wanted,
                                      List<String> theirs) {
        Set<String> wantedAddresses = new TreeSet<>();
        wanted.forEach(p -> wantedAddresses.add(String.valueOf(p.get(LegacyBgpConfig.PEER_ADDRESS))));
        List<Object> after = new ArrayList<>();
        boolean placed = false;
        for (Object peer : before) {
            String address = peer instanceof Map<?, ?> map ? String.valueOf(map.get(LegacyBgpConfig.PEER_ADDRESS)) : null;
            if (address != null && owned.contains(address)) {
                if (!placed) {
                    after.addAll(wanted);
                    placed = true;
                }
                continue;
            }
            if (address != null && wantedAddresses.contains(address)) {
                throw new InvalidInputException(Messages.get("legacy.peerClash", SOURCE, address));
            }
            after.add(peer);
            theirs.add("peer " + address);
        }
        if (!placed) {
            after.addAll(wanted);
        }
        return after;
    }

    private static Map<String, Object> communities(Map<String, Object> before, Set<String> owned, Map<String, String> wanted,
                                                   Set<String> nowOwned, List<String> theirs) {
        Map<String, Object> after = new LinkedHashMap<>();
        before.forEach((alias, value) -> {
            if (!owned.contains(alias)) {
                after.put(alias, value);
                theirs.add("bgp-community " + alias);
            }
        });
        wanted.forEach((alias, value) -> {
            if (!after.containsKey(alias)) {
                after.put(alias, value);
                nowOwned.add(alias);
            } else if (!String.valueOf(after.get(alias)).equals(value)) {
                throw new InvalidInputException(Messages.get("legacy.communityClash", SOURCE, alias, value));
            }
            // The same alias with the same value is the user's, and stays theirs.
        });
        return after;
    }

    /**
     * The configuration mapping of a ConfigMap file, as {@code install -f} reads it: the {@code config} key of a
     * ConfigMap manifest, or the file itself when it is the bare text.
     */
    public static Map<String, Object> fileConfig(String text, String source) {
        for (Object doc : YamlDocuments.flattenLists(YamlDocuments.parseLikeYamlV2(text, source))) {
            if (doc instanceof Map<?, ?> map && "ConfigMap".equals(map.get("kind"))
                    && map.get("data") instanceof Map<?, ?> data && data.get(DATA_KEY) instanceof String config) {
                return parse(config);
            }
        }
        return parse(text);
    }

    /** Whether two config texts mean the same configuration (comments and layout aside). */
    public static boolean sameConfiguration(String a, String b) {
        return parse(a).equals(parse(b));
    }

    /** Whether the text configures anything at all (an empty text or mapping configures nothing). */
    public static boolean configuresAnything(String text) {
        return !parse(text).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        List<Object> docs = YamlDocuments.parseLikeYamlV2(text, SOURCE);
        if (docs.isEmpty()) {
            return new LinkedHashMap<>();
        }
        if (docs.size() > 1 || !(docs.get(0) instanceof Map<?, ?>)) {
            throw new InvalidInputException(Messages.get("legacyPools.notAMapping", SOURCE, DATA_KEY));
        }
        return (Map<String, Object>) docs.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> listOf(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?>)) {
            throw new InvalidInputException(Messages.get("legacyPools.notAList", SOURCE, key));
        }
        return (List<Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapOf(Map<String, Object> config, String key) {
        Object value = config.get(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new InvalidInputException(Messages.get("legacy.notAMapping", SOURCE, key));
        }
        return (Map<String, Object>) value;
    }

    /** Sets or, when empty, removes a key, so that a config lbctl emptied says nothing rather than {@code peers: []}. */
    private static void put(Map<String, Object> config, String key, Object value) {
        boolean empty = value instanceof List<?> l ? l.isEmpty() : ((Map<?, ?>) value).isEmpty();
        if (empty) {
            config.remove(key);
        } else {
            config.put(key, value);
        }
    }

    /**
     * The legacy pool format ({@code addressPool}, metallb@v0.12.1:internal/config/config.go lines 68-75), with both
     * optional fields written out so that the config says what it means.
     */
    private static Map<String, Map<String, Object>> rendered(List<PoolSpec> pools, LegacyBgpConfig bgp) {
        Map<String, Map<String, Object>> rendered = new LinkedHashMap<>();
        for (PoolSpec pool : pools) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", pool.name());
            entry.put("protocol", bgp.bgpPools().contains(pool.name()) ? "bgp" : "layer2");
            entry.put("addresses", pool.addresses());
            entry.put("auto-assign", pool.autoAssign());
            entry.put("avoid-buggy-ips", pool.avoidBuggyIps());
            List<Map<String, Object>> ads = bgp.advertisements().getOrDefault(pool.name(), List.of());
            if (!ads.isEmpty()) {
                entry.put("bgp-advertisements", ads);
            }
            if (rendered.put(pool.name(), entry) != null) {
                throw new InvalidInputException(Messages.get("legacyPools.twice", pool.name()));
            }
        }
        return rendered;
    }

    private static String dump(Map<String, Object> config) {
        if (config.isEmpty()) {
            return "";
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setSplitLines(false);
        return new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options, new LoaderOptions(),
                YamlDocuments.yamlV2Resolver()).dump(config);
    }
}
