package dev.lbctl.config;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbVersion;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the text of the ConfigMap's {@code config} key the way MetalLB v0.9 to v0.12 do, with
 * {@code yaml.UnmarshalStrict} into its {@code configFile} struct: unknown and repeated fields and values of the wrong
 * type are all collected and reported in yaml.v2's words ({@code line 4: field foo not found in type
 * config.addressPool}) under MetalLB's {@code could not parse config:}. The structs are those of v0.12.1; fields that
 * came later than v0.9 are recorded as {@link VersionedField}s.
 */
final class ConfigMapReader {

    private static final Map<String, MetalLbVersion> NEWER_PEER_FIELDS = Map.of(
            "source-address", MetalLbVersion.of(0, 11, 0),
            "keepalive-time", MetalLbVersion.of(0, 12, 0),
            "bfd-profile", MetalLbVersion.of(0, 12, 0),
            "ebgp-multihop", MetalLbVersion.of(0, 12, 0));
    private static final MetalLbVersion V0_12 = MetalLbVersion.of(0, 12, 0);
    private static final long UINT32_MAX = 4_294_967_295L;

    private final String file;
    private final int lineOffset;
    private final ConfigBuilder out;
    /** The first release that knows the field being read (see {@link #within}); null outside newer fields. */
    private MetalLbVersion reportedFrom;

    private ConfigMapReader(String file, int lineOffset, ConfigBuilder out) {
        this.file = file;
        this.lineOffset = lineOffset;
        this.out = out;
    }

    /**
     * Reads one configuration document.
     *
     * @param lineOffset added to a line of the text to give the line in {@code file}
     */
    static void read(Node document, String file, int lineOffset, ConfigBuilder out) {
        new ConfigMapReader(file, lineOffset, out).configFile(document);
    }

    /** MetalLB's error for a configuration text with this YAML syntax error, or null (see {@link GoYaml#syntaxError}). */
    static String syntaxError(MarkedYAMLException e) {
        String yaml = GoYaml.syntaxError(e);
        return yaml == null ? null : "could not parse config: " + yaml;
    }

    private void configFile(Node node) {
        Fields f = struct(node, "config.configFile", Set.of("peers", "bgp-communities", "address-pools", "bfd-profiles"));
        slice(f.get("peers"), "[]config.peer").forEach(this::peer);
        stringMap(f.get("bgp-communities")).forEach(out.legacyCommunities::put);
        slice(f.get("address-pools"), "[]config.addressPool").forEach(this::addressPool);
        if (f.has("bfd-profiles")) {
            versioned(f, "bfd-profiles", "config.configFile", V0_12);
            within(V0_12, () -> {
                slice(f.get("bfd-profiles"), "[]config.bfdProfile").forEach(this::bfdProfile);
                return null;
            });
        }
    }

    private void peer(Node node) {
        Set<String> fields = new HashSet<>(Set.of("my-asn", "peer-asn", "peer-address", "peer-port", "hold-time",
                "router-id", "node-selectors", "password"));
        fields.addAll(NEWER_PEER_FIELDS.keySet());
        Fields f = struct(node, "config.peer", fields);
        NEWER_PEER_FIELDS.forEach((field, since) -> versioned(f, field, "config.peer", since));
        List<LabelSelector> selectors = new ArrayList<>();
        for (Node selector : slice(f.get("node-selectors"), "[]config.nodeSelector")) {
            selectors.add(nodeSelector(selector));
        }
        // The fields that came later are decoded, and their values' errors reported, only by releases that know them.
        String sourceAddress = within(NEWER_PEER_FIELDS.get("source-address"), () -> string(f.get("source-address"), "string"));
        String keepaliveTime = within(NEWER_PEER_FIELDS.get("keepalive-time"), () -> string(f.get("keepalive-time"), "string"));
        String bfdProfile = within(NEWER_PEER_FIELDS.get("bfd-profile"), () -> string(f.get("bfd-profile"), "string"));
        boolean ebgpMultiHop = within(NEWER_PEER_FIELDS.get("ebgp-multihop"), () -> bool(f.get("ebgp-multihop"), false));
        out.peers.add(new BgpPeerSpec("", orZero(integer(f.get("my-asn"), "uint32", 0, UINT32_MAX)),
                orZero(integer(f.get("peer-asn"), "uint32", 0, UINT32_MAX)), null, string(f.get("peer-address"), "string"), null,
                sourceAddress, orZero(integer(f.get("peer-port"), "uint16", 0, 65535)),
                string(f.get("hold-time"), "string"), keepaliveTime, null,
                string(f.get("router-id"), "string"), selectors, string(f.get("password"), "string"), null,
                bfdProfile, ebgpMultiHop, null, false, false, origin(node)));
    }

    /** A node selector, converted as MetalLB's {@code parseNodeSelector} does; a bad operator is kept for the peer rules. */
    private LabelSelector nodeSelector(Node node) {
        Fields f = struct(node, "config.nodeSelector", Set.of("match-labels", "match-expressions"));
        List<LabelSelector.Requirement> requirements = new ArrayList<>();
        for (Node expression : slice(f.get("match-expressions"), "[]config.selectorRequirements")) {
            Fields e = struct(expression, "config.selectorRequirements", Set.of("key", "operator", "values"));
            String operator = string(e.get("operator"), "string");
            List<String> values = strings(e.get("values"));
            LabelSelector.Operator op = KubeFields.operator(operator);
            String key = orEmpty(string(e.get("key"), "string"));
            requirements.add(op == null ? LabelSelector.Requirement.unknownOperator(key, orEmpty(operator), values)
                    : new LabelSelector.Requirement(key, op, values));
        }
        return new LabelSelector(stringMap(f.get("match-labels")), requirements);
    }

    private void addressPool(Node node) {
        Fields f = struct(node, "config.addressPool",
                Set.of("protocol", "name", "addresses", "avoid-buggy-ips", "auto-assign", "bgp-advertisements"));
        List<LegacyBgpAdvertisement> ads = new ArrayList<>();
        for (Node ad : slice(f.get("bgp-advertisements"), "[]config.bgpAdvertisement")) {
            Fields a = struct(ad, "config.bgpAdvertisement",
                    Set.of("aggregation-length", "aggregation-length-v6", "localpref", "communities"));
            versioned(a, "aggregation-length-v6", "config.bgpAdvertisement", V0_12);
            ads.add(new LegacyBgpAdvertisement(integer(a.get("aggregation-length"), "int", Long.MIN_VALUE, Long.MAX_VALUE),
                    within(V0_12, () -> integer(a.get("aggregation-length-v6"), "int", Long.MIN_VALUE, Long.MAX_VALUE)),
                    integer(a.get("localpref"), "uint32", 0, UINT32_MAX), strings(a.get("communities")),
                    a.get("communities") instanceof SequenceNode));
        }
        out.pools.add(new PoolSpec(PoolKind.CONFIGMAP_POOL, orEmpty(string(f.get("name"), "string")),
                strings(f.get("addresses")), bool(f.get("auto-assign"), true), bool(f.get("avoid-buggy-ips"), false),
                string(f.get("protocol"), "config.Proto"), ads, Optional.empty(), Map.of(), origin(node)));
    }

    private void bfdProfile(Node node) {
        Fields f = struct(node, "config.bfdProfile", Set.of("name", "receive-interval", "transmit-interval",
                "detect-multiplier", "echo-interval", "echo-mode", "passive-mode", "minimum-ttl"));
        out.bfdProfiles.add(new BfdProfileSpec(orEmpty(string(f.get("name"), "string")),
                integer(f.get("receive-interval"), "uint32", 0, UINT32_MAX),
                integer(f.get("transmit-interval"), "uint32", 0, UINT32_MAX),
                integer(f.get("detect-multiplier"), "uint32", 0, UINT32_MAX),
                integer(f.get("echo-interval"), "uint32", 0, UINT32_MAX),
                bool(f.get("echo-mode"), false), bool(f.get("passive-mode"), false),
                integer(f.get("minimum-ttl"), "uint32", 0, UINT32_MAX), origin(node)));
    }

    /** The known fields of one struct: value nodes by name, and the line of each key. */
    private record Fields(Map<String, Node> values, Map<String, Integer> keyLines) {
        Node get(String field) {
            return values.get(field);
        }

        boolean has(String field) {
            return values.containsKey(field);
        }
    }

    private void versioned(Fields fields, String field, String goType, MetalLbVersion since) {
        if (fields.has(field)) {
            int keyLine = fields.keyLines().get(field);
            out.versionedFields.add(VersionedField.newerField("line " + keyLine + ": field " + field + " not found in type " + goType,
                    null, since, Origin.of(file, lineOffset + keyLine)));
        }
    }

    /**
     * yaml.v2's {@code mappingStruct} in strict mode: the known fields, after reporting unknown and repeated ones.
     * YAML null is the zero struct (no fields).
     */
    private Fields struct(Node node, String goType, Set<String> known) {
        Fields fields = new Fields(new LinkedHashMap<>(), new LinkedHashMap<>());
        if (node == null || isNull(node)) {
            return fields;
        }
        if (!(node instanceof MappingNode mapping)) {
            typeError(node, goType);
            return fields;
        }
        for (NodeTuple tuple : GoYaml.entries(mapping)) {
            String key = GoYaml.keyText(tuple);
            int line = GoYaml.line(tuple.getKeyNode());
            if (!known.contains(key)) {
                decodeError(line, "field " + key + " not found in type " + goType);
            } else if (fields.has(key)) {
                decodeError(line, "field " + key + " already set in type " + goType);
            } else {
                fields.values().put(key, tuple.getValueNode());
                fields.keyLines().put(key, line);
            }
        }
        return fields;
    }

    private List<Node> slice(Node node, String goType) {
        if (node == null || isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            typeError(node, goType);
            return List.of();
        }
        return seq.getValue();
    }

    private List<String> strings(Node node) {
        List<String> out = new ArrayList<>();
        for (Node item : slice(node, "[]string")) {
            String s = string(item, "string");
            out.add(orEmpty(s));
        }
        return out;
    }

    /** {@code map[string]string}; yaml.v2 strict mode refuses a key given twice. */
    private Map<String, String> stringMap(Node node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || isNull(node)) {
            return out;
        }
        if (!(node instanceof MappingNode mapping)) {
            typeError(node, "map[string]string");
            return out;
        }
        for (NodeTuple tuple : GoYaml.entries(mapping)) {
            String key = orEmpty(string(tuple.getKeyNode(), "string"));
            if (out.containsKey(key)) {
                decodeError(GoYaml.line(tuple.getKeyNode()), "key " + GoQuote.q(key) + " already set in map");
                continue;
            }
            out.put(key, orEmpty(string(tuple.getValueNode(), "string")));
        }
        return out;
    }

    /** A string field: any scalar's text as written (yaml.v2 keeps {@code 0x10} as "0x10"); null for YAML null. */
    private String string(Node node, String goType) {
        if (node == null) {
            return null;
        }
        GoYaml.Resolved r = GoYaml.resolve(node);
        return switch (r.kind()) {
            case NULL -> null;
            case MAP, SEQ -> {
                typeError(node, goType);
                yield null;
            }
            default -> ((ScalarNode) node).getValue();
        };
    }

    private boolean bool(Node node, boolean absent) {
        if (node == null) {
            return absent;
        }
        GoYaml.Resolved r = GoYaml.resolve(node);
        if (r.kind() == GoYaml.Kind.NULL) {
            return absent;
        }
        if (r.kind() != GoYaml.Kind.BOOL) {
            typeError(node, "bool");
            return absent;
        }
        return (Boolean) r.value();
    }

    /** An integer field of Go type {@code goType}; floats are truncated as yaml.v2 does. Null when absent or wrong. */
    private Long integer(Node node, String goType, long min, long max) {
        if (node == null) {
            return null;
        }
        GoYaml.Resolved r = GoYaml.resolve(node);
        BigInteger value;
        switch (r.kind()) {
            case NULL -> {
                return null;
            }
            case INT -> value = (BigInteger) r.value();
            case FLOAT -> {
                double d = (Double) r.value();
                // A negative float converts to a huge uint64 in Go, so unsigned fields refuse it.
                if (!Double.isFinite(d) || (d < 0 && min == 0)) {
                    typeError(node, goType);
                    return null;
                }
                value = new BigDecimal(d).toBigInteger();
            }
            default -> {
                typeError(node, goType);
                return null;
            }
        }
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            typeError(node, goType);
            return null;
        }
        return value.longValue();
    }

    /** yaml.v2's {@code terror}: {@code line N: cannot unmarshal !!str `abc` into uint32}, long values cut to 7 bytes. */
    private void typeError(Node node, String goType) {
        GoYaml.Resolved r = GoYaml.resolve(node);
        String value = "";
        if (r.kind() != GoYaml.Kind.MAP && r.kind() != GoYaml.Kind.SEQ) {
            byte[] bytes = ((ScalarNode) node).getValue().getBytes(StandardCharsets.UTF_8);
            value = bytes.length > 10
                    ? " `" + new String(bytes, 0, 7, StandardCharsets.UTF_8) + "...`"
                    : " `" + new String(bytes, StandardCharsets.UTF_8) + "`";
        }
        decodeError(GoYaml.line(node), "cannot unmarshal " + r.kind().shortTag + value + " into " + goType);
    }

    /** One of yaml.v2's unmarshal errors, which every release gives (the validator joins them as yaml.v2 does). */
    private void decodeError(int line, String complaint) {
        out.versionedFields.add(VersionedField.decodeError("line " + line + ": " + complaint, Origin.of(file, lineOffset + line),
                reportedFrom));
    }

    /**
     * Reads the value of a field that came in {@code since}: what it cannot decode is an error only for the releases
     * that know the field (yaml.v2 does not look inside one it does not know).
     */
    private <T> T within(MetalLbVersion since, Supplier<T> read) {
        MetalLbVersion outer = reportedFrom;
        reportedFrom = since;
        try {
            return read.get();
        } finally {
            reportedFrom = outer;
        }
    }

    private Origin origin(Node node) {
        return Origin.of(file, lineOffset + GoYaml.line(node));
    }

    private static boolean isNull(Node node) {
        return GoYaml.resolve(node).kind() == GoYaml.Kind.NULL;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
