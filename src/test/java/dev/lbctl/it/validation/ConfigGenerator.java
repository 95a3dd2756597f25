package dev.lbctl.it.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Random MetalLB configurations for {@code ValidationDifferentialIT}, one per seed, in either format: custom resources
 * (v0.13 and later) or the ConfigMap text (v0.9 to v0.12). Values are drawn from small sets so that the rules meet:
 * few addresses (overlaps, duplicates), few names (duplicates, dangling references), a few bad values per field
 * (prefix lengths, ranges, families, durations, communities, selectors). The same seed always gives the same text.
 *
 * <p>Only values that both decode (the API server's or yaml.v2's typing) are generated: the test is about MetalLB's
 * validation, not about YAML typing, which lbctl checks with its own fixtures.
 */
public final class ConfigGenerator {

    public enum Format { CRD, CONFIGMAP }

    private final Random random;

    private ConfigGenerator(long seed) {
        this.random = new Random(seed);
    }

    public static String generate(Format format, long seed) {
        ConfigGenerator g = new ConfigGenerator(seed);
        return format == Format.CRD ? g.crd() : g.configMap();
    }

    // ---------------------------------------------------------------------------------------------- values

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
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
        int a = random.nextInt(4);
        int b = random.nextInt(4) * 8;
        return switch (random.nextInt(16)) {
            case 0, 1, 2, 3 -> "10.0." + a + "." + b + "/" + pick(24, 28, 29, 30, 32);
            case 4 -> "10.0." + a + ".0/" + pick(16, 22, 23);
            case 5, 6 -> "10.0." + a + "." + b + "-10.0." + a + "." + (b + random.nextInt(12));
            case 7 -> "10.0." + a + "." + (b + 7) + "-10.0." + a + "." + b;
            case 8, 9 -> "fd00:" + a + "::" + Integer.toHexString(b) + "/" + pick(64, 120, 124, 126, 128);
            case 10 -> "fd00:" + a + "::" + Integer.toHexString(b) + "-fd00:" + a + "::" + Integer.toHexString(b + random.nextInt(20));
            case 11 -> "10.0." + a + "." + b;
            case 12 -> pick("10.0.0.0/33", "10.0.0/24", "fd00::/129", "not-an-ip", "10.0.1.300/32", "10.0.0.1-", " 10.0.0.0/30");
            case 13 -> "10.0." + a + "." + b + "-fd00::" + b;
            case 14 -> "10.0." + a + "." + (b + 1) + "/" + pick(24, 30);
            default -> "::ffff:10.0." + a + "." + b + "/" + pick(120, 126, 128);
        };
    }

    private List<String> addresses() {
        List<String> out = some(3, this::address);
        if (out.isEmpty() && chance(70)) {
            out.add(address());
        }
        if (!out.isEmpty() && chance(8)) {
            out.add(out.get(0));
        }
        return out;
    }

    private String community() {
        return switch (random.nextInt(10)) {
            case 0, 1, 2 -> pick("65000:100", "65000:200", "0:0", "65535:65535");
            case 3 -> pick("65536:1", "1:65536", "abc", "1:2:3", "-1:5", ":1");
            case 4 -> pick("large:1:2:3", "large:4294967295:0:1", "large:1:2", "large:4294967296:1:1");
            case 5 -> "1:2";
            default -> pick("alias0", "alias1", "missing");
        };
    }

    private String aggregationLength(boolean v6) {
        return switch (random.nextInt(8)) {
            case 0 -> v6 ? pick("129", "-1", "200") : pick("33", "-1", "64");
            case 1, 2 -> v6 ? pick("120", "124", "126") : pick("24", "28", "30");
            default -> v6 ? "128" : "32";
        };
    }

    /** Selectors as JSON flow text: empty selects all; some repeat, some are malformed for apimachinery. */
    private String selectors(int max) {
        List<String> out = some(max, () -> switch (random.nextInt(9)) {
            case 0 -> "{}";
            case 1, 2 -> "{\"matchLabels\": {\"zone\": \"" + pick("a", "b") + "\"}}";
            case 3 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("In", "NotIn") + "\", \"values\": [\"a\"]}]}";
            case 4 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("Exists", "DoesNotExist") + "\"}]}";
            case 5 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("Exists", "DoesNotExist") + "\", \"values\": [\"a\"]}]}";
            case 6 -> "{\"matchExpressions\": [{\"key\": \"zone\", \"operator\": \"" + pick("In", "NotIn") + "\", \"values\": []}]}";
            case 7 -> "{\"matchExpressions\": [{\"key\": \"" + pick("", "bad key", "a/b/c") + "\", \"operator\": \"Exists\"}]}";
            default -> "{\"matchLabels\": {\"" + pick("zone", "bad key", "") + "\": \"" + pick("a", "b c", "") + "\"}}";
        });
        if (!out.isEmpty() && chance(10)) {
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
        return pick("90s", "3s", "1s", "0s", "180s", "2m", "10s", "65536s");
    }

    // ---------------------------------------------------------------------------------------------- CRDs

    private String crd() {
        StringBuilder sb = new StringBuilder();
        int pools = 1 + random.nextInt(3);
        for (int i = 0; i < pools; i++) {
            object(sb, "IPAddressPool", chance(85) ? "p" + i : poolName(), chance(40) ? "labels: {tier: " + pick("a", "b") + "}" : null);
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
        }
        int bgp = random.nextInt(4);
        for (int i = 0; i < bgp; i++) {
            object(sb, "BGPAdvertisement", chance(90) ? "bgp-" + i : "bgp-0", null);
            advertisementPools(sb);
            if (chance(40)) {
                sb.append("  aggregationLength: ").append(aggregationLength(false)).append('\n');
            }
            if (chance(30)) {
                sb.append("  aggregationLengthV6: ").append(aggregationLength(true)).append('\n');
            }
            if (chance(40)) {
                sb.append("  localPref: ").append(pick(0, 100, 200)).append('\n');
            }
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
            object(sb, "BGPPeer", chance(90) ? "peer-" + i : "peer-0", null);
            sb.append("  myASN: ").append(pick(64500, 64501)).append('\n');
            sb.append("  peerASN: ").append(pick(64500, 64512)).append('\n');
            sb.append("  peerAddress: ").append(q(pick("10.1.0.1", "10.1.0.2", "fd01::1", "10.1.0", "peer.example"))).append('\n');
            if (chance(30)) {
                sb.append("  holdTime: ").append(q(duration())).append('\n');
            }
            if (chance(25)) {
                sb.append("  keepaliveTime: ").append(q(duration())).append('\n');
            }
            if (chance(15)) {
                sb.append("  bfdProfile: ").append(pick("bfd-0", "none")).append('\n');
            }
            if (chance(15)) {
                sb.append("  routerID: ").append(q(pick("10.1.1.1", "1.2.3", "fd00::1"))).append('\n');
            }
            if (chance(15)) {
                sb.append("  sourceAddress: ").append(q(pick("10.1.0.9", "nope"))).append('\n');
            }
            if (chance(15)) {
                sb.append("  nodeSelectors: ").append(selectors(1)).append('\n');
            }
        }
        if (chance(15)) {
            object(sb, "BFDProfile", "bfd-0", null);
            if (chance(50)) {
                sb.append("  receiveInterval: ").append(pick(5, 10, 300, 60000, 70000)).append('\n');
            }
            if (chance(50)) {
                sb.append("  detectMultiplier: ").append(pick(1, 2, 255, 256)).append('\n');
            }
            if (chance(30)) {
                sb.append("  echoMode: true\n");
            }
        }
        return sb.toString();
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
            sb.append("- peer-address: ").append(q(pick("10.1.0.1", "10.1.0.2", "fd01::1", "10.1.0"))).append('\n');
            sb.append("  peer-asn: ").append(pick(64500, 64512)).append('\n');
            sb.append("  my-asn: ").append(pick(64500, 64501)).append('\n');
            if (chance(30)) {
                sb.append("  hold-time: ").append(q(duration())).append('\n');
            }
            if (chance(10)) {
                sb.append("  keepalive-time: ").append(q(duration())).append('\n');
            }
            if (chance(15)) {
                sb.append("  router-id: ").append(q(pick("10.1.1.1", "1.2.3"))).append('\n');
            }
        }
        if (chance(30)) {
            sb.append("bgp-communities:\n");
            // MetalLB ranges over this map, so with two bad values its error is random; at most one is bad here.
            sb.append("  alias0: ").append(q(pick("65000:1", "65000:1", "abc", "65536:1"))).append('\n');
            if (chance(50)) {
                sb.append("  alias1: \"65000:2\"\n");
            }
        }
        int pools = 1 + random.nextInt(3);
        sb.append("address-pools:\n");
        for (int i = 0; i < pools; i++) {
            sb.append("- name: ").append(q(chance(85) ? "p" + i : poolName())).append('\n');
            String protocol = chance(92) ? pick("layer2", "bgp", "bgp") : pick("", "ospf");
            sb.append("  protocol: ").append(q(protocol)).append('\n');
            sb.append("  addresses: ").append(list(addresses())).append('\n');
            if (chance(15)) {
                sb.append("  auto-assign: false\n");
            }
            if (chance(protocol.equals("bgp") ? 50 : 5)) {
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
                        fields.add("communities: " + list(some(2, () -> pick("65000:100", "alias0", "alias1", "missing", "abc"))));
                    }
                    ad.append(String.join(", ", fields)).append('}');
                    ads.add(ad.toString());
                }
                if (chance(15)) {
                    ads.add(ads.get(0));
                }
                sb.append("  bgp-advertisements: [").append(String.join(", ", ads)).append("]\n");
            }
        }
        return sb.toString();
    }
}
