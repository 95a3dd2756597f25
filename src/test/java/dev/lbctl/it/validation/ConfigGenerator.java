package dev.lbctl.it.validation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random MetalLB configurations for {@code ValidationDifferentialIT}, one per seed, in either format: custom resources
 * (v0.13 and later) or the ConfigMap text (v0.9 to v0.12). Values are drawn from small sets so that the rules meet:
 * few addresses (overlaps, duplicates), few names (duplicates, dangling references), a few bad values per field
 * (prefix lengths, ranges, families, durations, communities, selectors). The same seed always gives the same text.
 *
 * <p>Half the seeds are error-rich (every field often bad, several faults at once, so the order in which MetalLB meets
 * them is tested); the other half are clean (pools in disjoint blocks, faults rare), so that valid configurations and
 * the checks MetalLB only reaches after everything else passed (local preference, aggregation per pool) are tested too.
 *
 * <p>Only values that both decode (the API server's or yaml.v2's typing) are generated: the test is about MetalLB's
 * validation, not about YAML typing, which lbctl checks with its own fixtures.
 */
public final class ConfigGenerator {

    public enum Format { CRD, CONFIGMAP }

    private final Random random;
    private final boolean clean;
    /** In a clean seed: the pool being written and its address entries so far, to keep pools in disjoint blocks. */
    private int pool;
    private int entry;

    private ConfigGenerator(long seed) {
        this.random = new Random(seed);
        this.clean = random.nextBoolean();
    }

    public static String generate(Format format, long seed) {
        ConfigGenerator g = new ConfigGenerator(seed);
        return format == Format.CRD ? g.crd() : g.configMap();
    }

    // ---------------------------------------------------------------------------------------------- values

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    /** Whether to write a bad value where one is {@code percent} likely in an error-rich seed (a tenth of that if clean). */
    private boolean fault(int percent) {
        return chance(clean ? Math.max(1, percent / 10) : percent);
    }

    @SafeVarargs
    private <T> T pick(T... values) {
        return values[random.nextInt(values.length)];
    }

    private <T> List<T> some(int max, Supplier<T> value) {
        List<T> out = new ArrayList<>();
        int n = random.nextInt(max + 1);
        for (int i = 0; i < n; i++) {
            out.add(value.get());
        }
        return out;
    }

    private String poolName() {
        return chance(3) ? "" : pick("p0", "p1", "p2");
    }

    private String address() {
        // Error-rich seeds draw from a few /24s, so prefixes overlap; clean ones give each entry a /24 of its own.
        int a = clean ? 10 * (pool + 1) + entry++ : random.nextInt(4);
        int b = random.nextInt(4) * 8;
        if (fault(20)) {
            return switch (random.nextInt(4)) {
                case 0 -> "10.0." + a + "." + (b + 7) + "-10.0." + a + "." + b;
                case 1 -> "10.0." + a + "." + b;
                case 2 -> pick("10.0.0.0/33", "10.0.0/24", "fd00::/129", "not-an-ip", "10.0.1.300/32", "10.0.0.1-", " 10.0.0.0/30");
                default -> "10.0." + a + "." + b + "-fd00::" + b;
            };
        }
        if (fault(35)) {
            // IPv6: valid, but refused by native BGP when an advertisement selects the pool.
            return random.nextBoolean()
                    ? "fd00:" + a + "::" + Integer.toHexString(b) + "/" + pick(64, 120, 124, 126, 128)
                    : "fd00:" + a + "::" + Integer.toHexString(b) + "-fd00:" + a + "::" + Integer.toHexString(b + random.nextInt(20));
        }
        return switch (random.nextInt(7)) {
            case 0, 1, 2 -> "10.0." + a + "." + b + "/" + pick(24, 28, 29, 30, 32);
            case 3 -> clean ? "10.0." + a + ".0/24" : "10.0." + a + ".0/" + pick(16, 22, 23);
            case 4, 5 -> "10.0." + a + "." + b + "-10.0." + a + "." + (b + random.nextInt(12));
            default -> random.nextBoolean() ? "10.0." + a + "." + (b + 1) + "/" + pick(24, 30)
                    : "::ffff:10.0." + a + "." + b + "/" + pick(120, 126, 128);
        };
    }

    private List<String> addresses() {
        entry = 0;
        List<String> out = some(clean ? 2 : 3, this::address);
        if (out.isEmpty() && !fault(30)) {
            out.add(address());
        }
        if (!out.isEmpty() && fault(8)) {
            out.add(out.get(0));
        }
        pool++;
        return out;
    }

    private String community() {
        if (fault(30)) {
            return pick("65536:1", "1:65536", "abc", "1:2:3", "-1:5", ":1", "missing",
                    "large:1:2:3", "large:4294967295:0:1", "large:1:2", "large:4294967296:1:1");
        }
        return pick("65000:100", "65000:200", "0:0", "65535:65535", "1:2", "alias0", "alias1");
    }

    private String aggregationLength(boolean v6) {
        if (fault(12)) {
            return v6 ? pick("129", "-1", "200") : pick("33", "-1", "64");
        }
        return chance(30) ? (v6 ? pick("120", "124", "126") : pick("24", "28", "30")) : v6 ? "128" : "32";
    }

    /** Selectors as JSON flow text: empty selects all; some repeat, some are malformed for apimachinery. */
    private String selectors(int max) {
        List<String> out = some(max, () -> fault(30) ? switch (random.nextInt(5)) {
            case 0 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("Exists", "DoesNotExist") + "\", \"values\": [\"a\"]}]}";
            case 1 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("In", "NotIn") + "\", \"values\": []}]}";
            case 2 -> "{\"matchExpressions\": [{\"key\": \"" + pick("", "bad key", "a/b/c", "-x/y", "/y") + "\", \"operator\": \"Exists\"}]}";
            case 3 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("Bogus", "in", "") + "\", \"values\": [\"a\"]}]}";
            default -> "{\"matchLabels\": {\"" + pick("zone", "bad key", "") + "\": \"" + pick("b c", "-a", "a") + "\"}}";
        } : switch (random.nextInt(5)) {
            case 0 -> "{}";
            case 1, 2 -> "{\"matchLabels\": {\"zone\": \"" + pick("a", "b") + "\"}}";
            case 3 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("In", "NotIn") + "\", \"values\": [\"a\"]}]}";
            default -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("Exists", "DoesNotExist") + "\"}]}";
        });
        if (!out.isEmpty() && fault(10)) {
            out.add(out.get(0));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private static String q(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String list(List<String> values) {
        return "[" + String.join(", ", values.stream().map(ConfigGenerator::q).toList()) + "]";
    }

    private String duration() {
        return fault(20) ? pick("1s", "2500ms", "65536s") : pick("90s", "3s", "0s", "180s", "2m", "10s");
    }

    // ---------------------------------------------------------------------------------------------- CRDs

    private String crd() {
        StringBuilder sb = new StringBuilder();
        int pools = 1 + random.nextInt(3);
        for (int i = 0; i < pools; i++) {
            object(sb, "IPAddressPool", fault(15) ? poolName() : "p" + i, chance(40) ? "labels: {tier: " + pick("a", "b") + "}" : null);
            sb.append("  addresses: ").append(list(addresses())).append('\n');
            if (chance(15)) {
                sb.append("  autoAssign: false\n");
            }
            if (chance(25)) {
                sb.append("  serviceAllocation:\n");
                sb.append("    priority: ").append(pick(0, 1, 10)).append('\n');
                if (chance(50)) {
                    List<String> ns = some(2, () -> pick("ns-a", "ns-b"));
                    sb.append("    namespaces: ").append(list(ns)).append('\n');
                }
                if (chance(40)) {
                    sb.append("    namespaceSelectors: ").append(selectors(2)).append('\n');
                }
                if (chance(40)) {
                    sb.append("    serviceSelectors: ").append(selectors(2)).append('\n');
                }
            }
        }
        int l2 = random.nextInt(3);
        for (int i = 0; i < l2; i++) {
            object(sb, "L2Advertisement", "l2-" + i, null);
            advertisementPools(sb);
            if (chance(30)) {
                sb.append("  nodeSelectors: ").append(selectors(2)).append('\n');
            }
            if (chance(15)) {
                sb.append("  interfaces: ").append(list(some(2, () -> pick("eth0", "eth1")))).append('\n');
            }
            if (chance(15)) {
                sb.append("  serviceSelectors: ").append(selectors(2)).append('\n');
            }
        }
        int bgp = random.nextInt(4);
        for (int i = 0; i < bgp; i++) {
            object(sb, "BGPAdvertisement", fault(10) ? "bgp-0" : "bgp-" + i, null);
            advertisementPools(sb);
            if (chance(40)) {
                sb.append("  aggregationLength: ").append(aggregationLength(false)).append('\n');
            }
            if (chance(30)) {
                sb.append("  aggregationLengthV6: ").append(aggregationLength(true)).append('\n');
            }
            // Advertisements of one pool must agree on localPref (per node and aggregation): differing is the fault.
            sb.append("  localPref: ").append(fault(40) ? pick("0", "200") : "100").append('\n');
            if (chance(35)) {
                sb.append("  communities: ").append(list(some(3, this::community))).append('\n');
            }
            if (chance(30)) {
                sb.append("  nodeSelectors: ").append(selectors(2)).append('\n');
            }
            if (chance(20)) {
                sb.append("  peers: ").append(list(some(2, () -> pick("peer-0", "peer-1")))).append('\n');
            }
            if (chance(15)) {
                sb.append("  serviceSelectors: ").append(selectors(1)).append('\n');
            }
        }
        if (chance(30)) {
            object(sb, "Community", "communities", null);
            sb.append("  communities:\n");
            for (String alias : some(3, () -> pick("alias0", "alias1"))) {
                sb.append("  - name: ").append(alias).append("\n    value: ").append(q(community().replace("alias0", "65000:1")
                        .replace("alias1", "large:1:2:3").replace("missing", "x:1"))).append('\n');
            }
        }
        int peers = random.nextInt(3);
        for (int i = 0; i < peers; i++) {
            object(sb, "BGPPeer", fault(10) ? "peer-0" : "peer-" + i, null);
            sb.append("  myASN: ").append(pick(64500, 64501)).append('\n');
            sb.append("  peerASN: ").append(pick(64500, 64512)).append('\n');
            sb.append("  peerAddress: ").append(q(fault(20) ? pick("10.1.0", "peer.example") : pick("10.1.0.1", "10.1.0.2", "fd01::1")))
                    .append('\n');
            if (chance(30)) {
                sb.append("  holdTime: ").append(q(duration())).append('\n');
            }
            // Keepalive time and BFD are FRR-only: native mode refuses them.
            if (fault(25)) {
                sb.append("  keepaliveTime: ").append(q(duration())).append('\n');
            }
            if (fault(15)) {
                sb.append("  bfdProfile: ").append(pick("bfd-0", "none")).append('\n');
            }
            if (chance(15)) {
                sb.append("  routerID: ").append(q(fault(40) ? "1.2.3" : pick("10.1.1.1", "fd00::1"))).append('\n');
            }
            if (chance(15)) {
                sb.append("  sourceAddress: ").append(q(fault(40) ? "nope" : "10.1.0.9")).append('\n');
            }
            if (chance(15)) {
                sb.append("  nodeSelectors: ").append(selectors(1)).append('\n');
            }
            if (chance(10)) {
                sb.append("  peerPort: ").append(fault(30) ? pick("0", "16384") : "1179").append('\n');
            }
            if (chance(10)) {
                sb.append("  ebgpMultiHop: true\n");
            }
            if (fault(10)) {
                sb.append(pick("  vrf: red\n", "  connectTime: 5s\n", "  enableGracefulRestart: true\n", "  disableMP: true\n",
                        "  dynamicASN: " + pick("internal", "external", "both") + "\n"));
            }
            if (chance(10)) {
                sb.append(fault(30) ? "  password: x\n  passwordSecret: {name: s}\n" : pick("  password: x\n", "  passwordSecret: {name: s}\n"));
            }
        }
        // BFD profiles are FRR-only: native mode refuses any.
        int bfd = fault(15) ? 1 + random.nextInt(2) : 0;
        for (int i = 0; i < bfd; i++) {
            object(sb, "BFDProfile", fault(10) ? "bfd-0" : "bfd-" + i, null);
            if (chance(50)) {
                sb.append("  receiveInterval: ").append(fault(30) ? pick("5", "60001") : pick("10", "300", "60000")).append('\n');
            }
            if (chance(50)) {
                sb.append("  transmitInterval: ").append(fault(30) ? pick("9", "70000") : pick("10", "300")).append('\n');
            }
            if (chance(50)) {
                sb.append("  detectMultiplier: ").append(fault(30) ? pick("1", "256") : pick("2", "3", "255")).append('\n');
            }
            if (chance(30)) {
                sb.append("  echoInterval: ").append(fault(30) ? pick("9", "70000") : "50").append('\n');
            }
            if (chance(30)) {
                sb.append("  echoMode: true\n");
            }
            if (chance(20)) {
                sb.append("  minimumTtl: ").append(fault(30) ? pick("0", "255") : "254").append('\n');
            }
        }
        // Objects in random order: MetalLB sorts each kind by name before it checks, so file order must not matter.
        List<String> documents = new ArrayList<>(List.of(sb.toString().split("(?m)^---\n")));
        documents.removeIf(String::isEmpty);
        Collections.shuffle(documents, random);
        return "---\n" + String.join("---\n", documents);
    }

    private void advertisementPools(StringBuilder sb) {
        if (chance(70)) {
            sb.append("  ipAddressPools: ").append(list(some(2, () -> pick("p0", "p1", "p2", "p3")))).append('\n');
        }
        if (chance(20)) {
            sb.append("  ipAddressPoolSelectors: ").append(selectors(1).replace("zone", "tier")).append('\n');
        }
    }

    private StringBuilder object(StringBuilder sb, String kind, String name, String metadataExtra) {
        String apiVersion = kind.equals("BGPPeer") ? "metallb.io/v1beta2" : "metallb.io/v1beta1";
        sb.append("---\napiVersion: ").append(apiVersion).append("\nkind: ").append(kind).append('\n');
        sb.append("metadata:\n  name: ").append(q(name)).append("\n  namespace: metallb-system\n");
        if (metadataExtra != null) {
            sb.append("  ").append(metadataExtra).append('\n');
        }
        sb.append("spec:\n");
        return sb;
    }

    // ---------------------------------------------------------------------------------------------- ConfigMap

    private String configMap() {
        StringBuilder sb = new StringBuilder();
        int peers = random.nextInt(3);
        if (peers > 0) {
            sb.append("peers:\n");
        }
        for (int i = 0; i < peers; i++) {
            sb.append("- peer-address: ").append(q(fault(30) ? pick("10.1.0.1", "fd01::1", "10.1.0") : "10.1.0." + (i + 1))).append('\n');
            sb.append("  peer-asn: ").append(pick(64500, 64512)).append('\n');
            sb.append("  my-asn: ").append(pick(64500, 64501)).append('\n');
            if (chance(30)) {
                sb.append("  hold-time: ").append(q(duration())).append('\n');
            }
            if (fault(10)) {
                sb.append("  keepalive-time: ").append(q(duration())).append('\n');
            }
            if (chance(15)) {
                sb.append("  router-id: ").append(q(fault(40) ? "1.2.3" : "10.1.1.1")).append('\n');
            }
            if (chance(10)) {
                sb.append("  source-address: ").append(q(fault(40) ? "nope" : "10.1.0.9")).append('\n');
            }
            if (chance(10)) {
                sb.append("  peer-port: ").append(fault(30) ? "0" : "1179").append('\n');
            }
            if (chance(10)) {
                sb.append("  password: secret\n");
            }
            if (fault(10)) {
                sb.append("  bfd-profile: ").append(pick("bfd-0", "none")).append('\n');
            }
            if (chance(15)) {
                sb.append("  node-selectors: [{match-labels: {zone: ").append(fault(30) ? "\"b c\"" : pick("a", "b")).append("}}]\n");
            } else if (chance(10)) {
                sb.append("  node-selectors: [{match-expressions: [{key: zone, operator: ").append(fault(40) ? pick("bogus", "in") : "In")
                        .append(", values: [a]}]}]\n");
            }
            if (fault(4)) {
                // yaml.v2's unmarshal errors: every one is listed, in line order, with fields a release is too old for.
                sb.append(pick("  peer-asn: abc\n", "  my-asn: 4294967296\n", "  peer-adress: 10.1.0.1\n", "  peer-port: [1]\n"));
            }
        }
        if (fault(10)) {
            sb.append("bfd-profiles:\n- name: bfd-0\n");
            if (chance(50)) {
                sb.append("  detect-multiplier: ").append(fault(30) ? pick("1", "256") : "3").append('\n');
            }
            if (chance(30)) {
                sb.append("  echo-mode: true\n");
            }
        }
        if (chance(30)) {
            // MetalLB ranges over this map: with two bad values its error is random (the oracle lists both).
            sb.append("bgp-communities:\n");
            sb.append("  alias0: ").append(q(fault(40) ? pick("abc", "65536:1") : "65000:1")).append('\n');
            if (chance(50)) {
                sb.append("  alias1: ").append(q(fault(20) ? "1:2:3" : "65000:2")).append('\n');
            }
        }
        int pools = 1 + random.nextInt(3);
        sb.append("address-pools:\n");
        for (int i = 0; i < pools; i++) {
            sb.append("- name: ").append(q(fault(15) ? poolName() : "p" + i)).append('\n');
            String protocol = fault(8) ? pick("", "ospf") : pick("layer2", "bgp", "bgp");
            sb.append("  protocol: ").append(q(protocol)).append('\n');
            sb.append("  addresses: ").append(list(addresses())).append('\n');
            if (chance(15)) {
                sb.append("  auto-assign: ").append(fault(15) ? pick("maybe", "[false]") : "false").append('\n');
            }
            if (protocol.equals("bgp") ? chance(50) : fault(5)) {
                List<String> ads = new ArrayList<>();
                int n = 1 + random.nextInt(2);
                for (int a = 0; a < n; a++) {
                    StringBuilder ad = new StringBuilder("{");
                    List<String> fields = new ArrayList<>();
                    if (chance(40)) {
                        fields.add("aggregation-length: " + aggregationLength(false));
                    }
                    if (chance(15)) {
                        fields.add("aggregation-length-v6: " + aggregationLength(true));
                    }
                    if (chance(40)) {
                        fields.add("localpref: " + pick(100, 200));
                    }
                    if (chance(40)) {
                        fields.add("communities: " + list(some(2, () -> fault(30) ? pick("missing", "abc") : pick("65000:100", "alias0", "alias1"))));
                    }
                    ad.append(String.join(", ", fields)).append('}');
                    ads.add(ad.toString());
                }
                if (fault(15)) {
                    ads.add(ads.get(0));
                }
                sb.append("  bgp-advertisements: [").append(String.join(", ", ads)).append("]\n");
            }
        }
        if (fault(4)) {
            // Kubernetes takes the ConfigMap; its text is what MetalLB cannot parse (yaml.v2's syntax errors).
            return configMapManifest(brokenYaml(sb.toString()));
        }
        return sb.toString();
    }

    /** The text with one YAML syntax error: an unclosed bracket or quote, a mapping where none may be, bad indentation. */
    private String brokenYaml(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        lines.set(at, switch (random.nextInt(5)) {
            case 0 -> line.contains("]") ? line.substring(0, line.lastIndexOf(']')) + line.substring(line.lastIndexOf(']') + 1) : line + " [";
            case 1 -> line + ": x";
            // Not the first line, whose indentation is the block scalar's: the manifest itself would break.
            case 2 -> at == 0 ? line + " [" : line.startsWith("  ") ? line.substring(1) : " " + line;
            case 3 -> line.replaceFirst(": ", ": \"");
            default -> line + " @x";
        });
        return String.join("\n", lines) + "\n";
    }

    /** The configuration as the ConfigMap manifest MetalLB reads it from. */
    private static String configMapManifest(String config) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: metallb-system\n  name: config\ndata:\n  config: |\n"
                + config.lines().map(l -> l.isEmpty() ? "" : "    " + l).collect(java.util.stream.Collectors.joining("\n")) + "\n";
    }
}
