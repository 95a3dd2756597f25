package dev.lbctl.kubeproxy;

import static dev.lbctl.kubeproxy.KubeProxyConfigText.IPVS;
import static dev.lbctl.kubeproxy.KubeProxyConfigText.STRICT_ARP;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Sets {@code ipvs.strictARP: true} in a KubeProxyConfiguration text by editing the text, never by a YAML round trip:
 * comments, key order, quoting, blank lines and line endings of everything else stay byte for byte. The result is
 * re-parsed and compared with the input before it is returned.
 *
 * <p>Where a key has to be added, it goes at its alphabetical place when the mapping is already sorted (kubeadm writes
 * sorted keys), else at the end of the mapping.
 */
public final class StrictArpPatch {

    private static final String ENABLED_ENTRY = STRICT_ARP + ": true";

    private StrictArpPatch() {
    }

    /** Returns the text with strict ARP enabled; an already enabled text is returned unchanged. */
    public static String enable(String text) {
        KubeProxyConfigText before = KubeProxyConfigText.parse(text);
        if (before.strictArp() == StrictArpValue.ENABLED) {
            return text;
        }
        YamlTextLayout layout = YamlTextLayout.of(text);
        String patched = TextEdit.applyAll(text, edits(layout));
        verify(before, patched);
        return patched;
    }

    private static List<TextEdit> edits(YamlTextLayout layout) {
        MappingNode root = layout.root();
        Optional<NodeTuple> ipvs = YamlTextLayout.entry(root, IPVS);
        if (ipvs.isEmpty()) {
            return List.of(YamlTextLayout.isFlow(root)
                    ? appendToFlowMapping(layout, root, IPVS + ": {" + ENABLED_ENTRY + "}")
                    : insertIntoBlockMapping(layout, root, IPVS, List.of(IPVS + ":", layout.indentStep() + ENABLED_ENTRY)));
        }
        if (!(ipvs.get().getValueNode() instanceof MappingNode block) || block.getValue().isEmpty()) {
            // KubeProxyConfigText.parse accepted the value, so it is null, empty or {}.
            return emptyValueToBlock(layout, ipvs.get());
        }
        Optional<NodeTuple> strictArp = YamlTextLayout.entry(block, STRICT_ARP);
        if (strictArp.isPresent()) {
            return List.of(replaceWithTrue(layout, strictArp.get().getValueNode()));
        }
        return List.of(YamlTextLayout.isFlow(block)
                ? appendToFlowMapping(layout, block, ENABLED_ENTRY)
                : insertIntoBlockMapping(layout, block, STRICT_ARP, List.of(ENABLED_ENTRY)));
    }

    /** Keeps the value's quoting: {@code "false"} becomes {@code "true"}, {@code 'false'} becomes {@code 'true'}. */
    private static TextEdit replaceWithTrue(YamlTextLayout layout, Node value) {
        int start = layout.start(value);
        int end = layout.end(value);
        if (start == end) {
            // "strictARP:" with no value: the space keeps "strictARP:true" from becoming one plain scalar.
            return TextEdit.insert(start, " true");
        }
        ScalarStyle style = value instanceof ScalarNode scalar ? scalar.getScalarStyle() : ScalarStyle.PLAIN;
        String replacement = switch (style) {
            case DOUBLE_QUOTED -> "\"true\"";
            case SINGLE_QUOTED -> "'true'";
            default -> "true";
        };
        return new TextEdit(start, end, replacement);
    }

    /** {@code ipvs: null}, {@code ipvs: {}} or a bare {@code ipvs:} becomes a block holding only strictARP. */
    private static List<TextEdit> emptyValueToBlock(YamlTextLayout layout, NodeTuple ipvs) {
        Node value = ipvs.getValueNode();
        int valueStart = layout.start(value);
        int valueEnd = layout.end(value);
        String childLine = YamlTextLayout.indentationOf(ipvs.getKeyNode()) + layout.indentStep() + ENABLED_ENTRY;
        TextEdit addChild = layout.insertLines(layout.lineStartAfter(layout.contentEnd(ipvs)), List.of(childLine));
        if (valueStart == valueEnd) {
            return List.of(addChild);
        }
        return List.of(new TextEdit(layout.whitespaceStartBefore(valueStart), valueEnd, ""), addChild);
    }

    private static TextEdit appendToFlowMapping(YamlTextLayout layout, MappingNode flow, String entry) {
        List<NodeTuple> entries = flow.getValue();
        if (entries.isEmpty()) {
            return TextEdit.insert(layout.start(flow) + 1, entry);
        }
        return TextEdit.insert(layout.contentEnd(entries.get(entries.size() - 1)), ", " + entry);
    }

    private static TextEdit insertIntoBlockMapping(YamlTextLayout layout, MappingNode block, String key, List<String> lines) {
        List<NodeTuple> entries = block.getValue();
        int index = insertionIndex(entries, key);
        String indent = YamlTextLayout.indentationOf(entries.get(0).getKeyNode());
        List<String> indented = lines.stream().map(line -> indent + line).toList();
        // After the previous entry's last line, so that comments above the next key stay with that key.
        int at = index == 0
                ? layout.lineStartOf(layout.start(entries.get(0).getKeyNode()))
                : layout.lineStartAfter(layout.contentEnd(entries.get(index - 1)));
        return layout.insertLines(at, indented);
    }

    private static int insertionIndex(List<NodeTuple> entries, String key) {
        List<String> keys = entries.stream()
                .map(t -> t.getKeyNode() instanceof ScalarNode k ? k.getValue() : null)
                .toList();
        boolean sorted = !keys.contains(null);
        for (int i = 1; sorted && i < keys.size(); i++) {
            sorted = keys.get(i - 1).compareToIgnoreCase(keys.get(i)) <= 0;
        }
        if (!sorted) {
            return keys.size();
        }
        int index = 0;
        while (index < keys.size() && keys.get(index).compareToIgnoreCase(key) <= 0) {
            index++;
        }
        return index;
    }

    private static void verify(KubeProxyConfigText before, String patched) {
        KubeProxyConfigText after;
        try {
            after = KubeProxyConfigText.parse(patched);
        } catch (InvalidInputException e) {
            throw unsafePatch(e);
        }
        if (after.strictArp() != StrictArpValue.ENABLED || !after.valuesWithoutStrictArp().equals(before.valuesWithoutStrictArp())) {
            throw unsafePatch(null);
        }
    }

    private static InvalidInputException unsafePatch(Throwable cause) {
        return new InvalidInputException(Messages.get("kubeProxy.unsafePatch", KubeProxyConfigText.SOURCE), cause);
    }
}
