package dev.lbctl.kubeproxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For generated kubeadm-like configs (any key subset and order, comments, blank lines, CRLF, 2 or 4 spaces, with or
 * without a final newline, every form of ipvs), the patch changes exactly one line or inserts one line or one block,
 * and every other line stays byte for byte.
 */
class StrictArpPatchProperties {

    /** How an ipvs value is written, and how many lines the patch is then expected to replace and to write. */
    enum IpvsForm {
        ABSENT(0, 2),
        NULL(1, 2),
        TILDE_WITH_COMMENT(1, 2),
        BARE(0, 1),
        EMPTY_FLOW(1, 2),
        FLOW_ENTRIES(1, 1),
        BLOCK_WITHOUT_STRICT_ARP(0, 1),
        BLOCK_FALSE(1, 1),
        BLOCK_DOUBLE_QUOTED_FALSE(1, 1),
        BLOCK_SINGLE_QUOTED_FALSE_WITH_COMMENT(1, 1),
        BLOCK_EMPTY_VALUE(1, 1),
        BLOCK_TRUE(0, 0);

        final int replacedLines;
        final int writtenLines;

        IpvsForm(int replacedLines, int writtenLines) {
            this.replacedLines = replacedLines;
            this.writtenLines = writtenLines;
        }
    }

    record Layout(boolean crlf, boolean finalNewline, int indent, boolean sorted, List<Boolean> commentBefore,
            List<Boolean> blankBefore) {
    }

    record Content(List<String> topLevelOrder, Set<String> optionalKeys, IpvsForm ipvs, Set<String> ipvsKeys) {
    }

    record GeneratedConfig(String text, IpvsForm ipvs, boolean crlf, boolean finalNewline) {
        @Override
        public String toString() {
            return ipvs + ":\n" + text;
        }
    }

    private static final List<String> TOP_LEVEL = List.of("apiVersion", "bindAddress", "clientConnection", "clusterCIDR",
            "conntrack", "iptables", "ipvs", "kind", "metricsBindAddress", "mode", "nodePortAddresses");
    private static final Set<String> ALWAYS = Set.of("apiVersion", "kind", "mode", "ipvs");
    private static final List<String> IPVS_KEYS = List.of("excludeCIDRs", "minSyncPeriod", "scheduler", "syncPeriod", "udpTimeout");

    @Property(tries = 400)
    void changesOneLineOrInsertsOneLineOrBlockAndNothingElse(@ForAll("configs") GeneratedConfig config) {
        String patched = StrictArpPatch.enable(config.text());

        List<String> before = contentLines(config.text());
        List<String> after = contentLines(patched);
        int prefix = 0;
        while (prefix < before.size() && prefix < after.size() && before.get(prefix).equals(after.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < before.size() - prefix && suffix < after.size() - prefix
                && before.get(before.size() - 1 - suffix).equals(after.get(after.size() - 1 - suffix))) {
            suffix++;
        }
        assertThat(before.size() - prefix - suffix).as("lines replaced").isEqualTo(config.ipvs().replacedLines);
        assertThat(after.size() - prefix - suffix).as("lines written").isEqualTo(config.ipvs().writtenLines);
        assertThat(patched.endsWith("\n")).as("final newline kept").isEqualTo(config.finalNewline());
        assertThat(patched.replace("\r\n", "").contains("\n")).as("CRLF kept").isEqualTo(!config.crlf());

        KubeProxyConfigText reread = KubeProxyConfigText.parse(patched);
        assertThat(reread.strictArp()).isEqualTo(StrictArpValue.ENABLED);
        assertThat(reread.valuesWithoutStrictArp()).isEqualTo(KubeProxyConfigText.parse(config.text()).valuesWithoutStrictArp());
    }

    private static List<String> contentLines(String text) {
        return Arrays.asList(text.split("\r?\n", -1));
    }

    @Provide
    Arbitrary<GeneratedConfig> configs() {
        Arbitrary<Layout> layouts = Combinators.combine(
                Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(2, 4), Arbitraries.of(true, false),
                Arbitraries.of(true, false).list().ofSize(24), Arbitraries.of(false, false, false, true).list().ofSize(24))
                .as(Layout::new);
        Arbitrary<Content> contents = Combinators.combine(
                Arbitraries.shuffle(TOP_LEVEL), Arbitraries.subsetOf(TOP_LEVEL), Arbitraries.of(IpvsForm.class),
                Arbitraries.subsetOf(IPVS_KEYS).ofMinSize(1))
                .as(Content::new);
        return Combinators.combine(layouts, contents).as(StrictArpPatchProperties::render);
    }

    private static GeneratedConfig render(Layout layout, Content content) {
        String step = " ".repeat(layout.indent());
        List<String> order = new ArrayList<>(content.topLevelOrder());
        if (layout.sorted()) {
            order.sort(Comparator.comparing(String::toLowerCase));
        }
        List<String> lines = new ArrayList<>();
        int entry = 0;
        for (String key : order) {
            if (!ALWAYS.contains(key) && !content.optionalKeys().contains(key)
                    || key.equals("ipvs") && content.ipvs() == IpvsForm.ABSENT) {
                continue;
            }
            if (layout.blankBefore().get(entry)) {
                lines.add("");
            }
            if (layout.commentBefore().get(entry)) {
                lines.add("# about " + key);
            }
            lines.addAll(topLevelEntry(key, step, content, layout));
            entry++;
        }
        String eol = layout.crlf() ? "\r\n" : "\n";
        String text = String.join(eol, lines) + (layout.finalNewline() ? eol : "");
        return new GeneratedConfig(text, content.ipvs(), layout.crlf(), layout.finalNewline());
    }

    private static List<String> topLevelEntry(String key, String step, Content content, Layout layout) {
        return switch (key) {
            case "apiVersion" -> List.of("apiVersion: kubeproxy.config.k8s.io/v1alpha1");
            case "bindAddress" -> List.of("bindAddress: 0.0.0.0");
            case "clientConnection" -> List.of("clientConnection:", step + "kubeconfig: /var/lib/kube-proxy/kubeconfig.conf",
                    step + "qps: 5");
            case "clusterCIDR" -> List.of("clusterCIDR: \"10.244.0.0/16\"  # pod network");
            case "conntrack" -> List.of("conntrack:", step + "maxPerCore: 32768", step + "min: null");
            case "iptables" -> List.of("iptables:", step + "masqueradeAll: false", step + "syncPeriod: 30s");
            case "kind" -> List.of("kind: KubeProxyConfiguration");
            case "metricsBindAddress" -> List.of("metricsBindAddress: \"\"");
            case "mode" -> List.of("mode: \"ipvs\"");
            case "nodePortAddresses" -> List.of("nodePortAddresses:", "- 10.0.0.0/8", "- 192.168.0.0/16");
            case "ipvs" -> ipvsEntry(step, content, layout);
            default -> throw new IllegalArgumentException(key);
        };
    }

    private static List<String> ipvsEntry(String step, Content content, Layout layout) {
        switch (content.ipvs()) {
            case NULL:
                return List.of("ipvs: null");
            case TILDE_WITH_COMMENT:
                return List.of("ipvs: ~  # defaults");
            case BARE:
                return List.of("ipvs:");
            case EMPTY_FLOW:
                return List.of("ipvs: {}");
            case FLOW_ENTRIES:
                return List.of("ipvs: {scheduler: rr, syncPeriod: 30s}");
            default:
                break;
        }
        String strictArp = switch (content.ipvs()) {
            case BLOCK_FALSE -> "strictARP: false";
            case BLOCK_DOUBLE_QUOTED_FALSE -> "strictARP: \"false\"";
            case BLOCK_SINGLE_QUOTED_FALSE_WITH_COMMENT -> "strictARP: 'false'  # MetalLB wants true";
            case BLOCK_EMPTY_VALUE -> "strictARP:";
            case BLOCK_TRUE -> "strictARP: true";
            default -> null;
        };
        List<String> keys = new ArrayList<>(IPVS_KEYS.stream().filter(content.ipvsKeys()::contains).toList());
        if (strictArp != null) {
            keys.add(layout.sorted() ? Math.min(3, keys.size()) : 0, "strictARP");
        }
        List<String> lines = new ArrayList<>(List.of("ipvs:"));
        for (int i = 0; i < keys.size(); i++) {
            if (layout.commentBefore().get(layout.commentBefore().size() - 1 - i)) {
                lines.add(step + "# about ipvs." + keys.get(i));
            }
            lines.add(step + (keys.get(i).equals("strictARP") ? strictArp : keys.get(i) + ": 0s"));
        }
        return lines;
    }
}
