package dev.lbctl.kubeproxy;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.DumperOptions.FlowStyle;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Where the nodes of a YAML text sit in that text, line by line. Built on snakeyaml's node tree (which keeps start and
 * end marks) rather than on regular expressions, so that quoting, comments and flow style are recognised as YAML does.
 */
final class YamlTextLayout {

    private static final int DEFAULT_INDENT_STEP = 2;

    private final String text;
    private final MappingNode root;

    private YamlTextLayout(String text, MappingNode root) {
        this.text = text;
        this.root = root;
    }

    /** The text must already have been read by {@link KubeProxyConfigText#parse}, so it is one valid document. */
    static YamlTextLayout of(String text) {
        Node node = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
        if (!(node instanceof MappingNode mapping)) {
            throw new InvalidInputException(Messages.get("kubeProxy.empty", KubeProxyConfigText.SOURCE));
        }
        return new YamlTextLayout(text, mapping);
    }

    MappingNode root() {
        return root;
    }

    static Optional<NodeTuple> entry(MappingNode mapping, String key) {
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst();
    }

    static boolean isFlow(MappingNode mapping) {
        return mapping.getFlowStyle() == FlowStyle.FLOW;
    }

    /** snakeyaml marks count code points, Java strings count UTF-16 units. */
    int offset(Mark mark) {
        return text.offsetByCodePoints(0, mark.getIndex());
    }

    int start(Node node) {
        return offset(node.getStartMark());
    }

    int end(Node node) {
        return offset(node.getEndMark());
    }

    /**
     * Where the last character of an entry's content ends. A block collection's own end mark lies at the next token
     * (after any comments that follow it), so descend to its last scalar or flow value instead.
     */
    int contentEnd(NodeTuple entry) {
        return Math.max(end(entry.getKeyNode()), contentEnd(entry.getValueNode()));
    }

    private int contentEnd(Node node) {
        if (node instanceof MappingNode m && !isFlow(m) && !m.getValue().isEmpty()) {
            List<NodeTuple> entries = m.getValue();
            return contentEnd(entries.get(entries.size() - 1));
        }
        if (node instanceof SequenceNode s && s.getFlowStyle() == FlowStyle.BLOCK && !s.getValue().isEmpty()) {
            List<Node> items = s.getValue();
            return contentEnd(items.get(items.size() - 1));
        }
        return end(node);
    }

    /** The start of the line after the one where content ends; a block scalar already ends at a line start. */
    int lineStartAfter(int contentEnd) {
        if (contentEnd > 0 && text.charAt(contentEnd - 1) == '\n') {
            return contentEnd;
        }
        int newline = text.indexOf('\n', contentEnd);
        return newline < 0 ? text.length() : newline + 1;
    }

    int lineStartOf(int offset) {
        return text.lastIndexOf('\n', offset - 1) + 1;
    }

    /** The first offset of the run of spaces and tabs that ends at {@code offset} on the same line. */
    int whitespaceStartBefore(int offset) {
        int i = offset;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '\t')) {
            i--;
        }
        return i;
    }

    /** The indentation of a block mapping key, as spaces (YAML indentation never uses tabs). */
    static String indentationOf(Node key) {
        return " ".repeat(key.getStartMark().getColumn());
    }

    /** The indentation step the document already uses for nested block mappings, so new lines look like their neighbours. */
    String indentStep() {
        for (NodeTuple entry : root.getValue()) {
            if (entry.getValueNode() instanceof MappingNode child && !isFlow(child) && !child.getValue().isEmpty()) {
                int step = child.getValue().get(0).getKeyNode().getStartMark().getColumn()
                        - entry.getKeyNode().getStartMark().getColumn();
                if (step > 0) {
                    return " ".repeat(step);
                }
            }
        }
        return " ".repeat(DEFAULT_INDENT_STEP);
    }

    /**
     * Inserts whole lines at a line start, each ended like the line before it (so CRLF files stay CRLF). At the end of a
     * text without a final line break, the break goes before the new lines and the text still ends without one.
     */
    TextEdit insertLines(int lineStart, List<String> lines) {
        String eol = lineEndingBefore(lineStart);
        if (lineStart == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
            return TextEdit.insert(lineStart, eol + String.join(eol, lines));
        }
        return TextEdit.insert(lineStart, String.join(eol, lines) + eol);
    }

    private String lineEndingBefore(int lineStart) {
        if (lineStart > 0 && text.charAt(lineStart - 1) == '\n') {
            return lineStart > 1 && text.charAt(lineStart - 2) == '\r' ? "\r\n" : "\n";
        }
        return text.contains("\r\n") ? "\r\n" : "\n";
    }
}
