package dev.lbctl.config;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.scanner.ScannerException;

/**
 * YAML as Go reads it. MetalLB decodes the ConfigMap with gopkg.in/yaml.v2 and kubectl turns manifests into JSON with
 * sigs.k8s.io/yaml (yaml.v2 underneath), so plain scalars are resolved with yaml.v2's YAML 1.1 rules ({@code y} and
 * {@code on} are booleans, {@code 0x10} is 16, {@code 1_000} is 1000), not SnakeYAML's. Quoted scalars are strings.
 */
final class GoYaml {

    /** yaml.v2's short tags, as its error messages print them. */
    enum Kind {
        NULL("!!null"), BOOL("!!bool"), INT("!!int"), FLOAT("!!float"), STR("!!str"), SEQ("!!seq"), MAP("!!map");

        final String shortTag;

        Kind(String shortTag) {
            this.shortTag = shortTag;
        }
    }

    /**
     * yaml.v2's error for a YAML syntax error that SnakeYAML found, as {@code yaml: line N: problem}, or null where
     * lbctl does not know libyaml's words for it. Both are ports of libyaml's scanner and parser and stop at the same
     * mark; the words differ. The line follows yaml.v2's {@code fail()}: the problem mark's 0-based line, plus one for
     * a scanner error only; the context mark's when the problem is on the first line; none when that is 0 too.
     */
    static String syntaxError(MarkedYAMLException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String text;
        if (problem.startsWith("expected ',' or '}'")) {
            text = "did not find expected ',' or '}'";
        } else if (problem.startsWith("expected ',' or ']'")) {
            text = "did not find expected ',' or ']'";
        } else if (problem.startsWith("expected <block end>") && "while parsing a block mapping".equals(e.getContext())) {
            text = "did not find expected key";
        } else if (problem.startsWith("expected <block end>") && "while parsing a block collection".equals(e.getContext())) {
            text = "did not find expected '-' indicator";
        } else if (problem.startsWith("expected the node content")) {
            text = "did not find expected node content";
        } else if (problem.equals("mapping values are not allowed here")) {
            text = "mapping values are not allowed in this context";
        } else if (problem.equals("found unexpected end of stream")) {
            text = "found unexpected end of stream";
        } else if (problem.startsWith("found character '") && problem.contains("' that cannot start any token")
                && !problem.startsWith("found character '\\t")) {
            text = "found character that cannot start any token";
        } else {
            return null;
        }
        Mark problemMark = e.getProblemMark();
        Mark contextMark = e.getContextMark();
        int line = 0;
        if (problemMark != null && problemMark.getLine() != 0) {
            line = problemMark.getLine() + (e instanceof ScannerException ? 1 : 0);
        } else if (contextMark != null) {
            line = contextMark.getLine();
        }
        return "yaml: " + (line == 0 ? "" : "line " + line + ": ") + text;
    }

    /** A resolved node: its kind and, for scalars, the value (Boolean, BigInteger, Double, String or null). */
    record Resolved(Kind kind, Object value) {
    }

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern FLOAT = Pattern.compile("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$");
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private GoYaml() {
    }

    static Resolved resolve(Node node) {
        if (node instanceof MappingNode) {
            return new Resolved(Kind.MAP, null);
        }
        if (node instanceof SequenceNode) {
            return new Resolved(Kind.SEQ, null);
        }
        ScalarNode scalar = (ScalarNode) node;
        // Explicit tags (!!str 5) are not honoured: MetalLB configs do not use them.
        if (scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN) {
            return new Resolved(Kind.STR, scalar.getValue());
        }
        return resolvePlain(scalar.getValue());
    }

    /** yaml.v2's {@code resolve} for an untagged plain scalar. */
    static Resolved resolvePlain(String in) {
        if (NULL.contains(in)) {
            return new Resolved(Kind.NULL, null);
        }
        if (TRUE.contains(in)) {
            return new Resolved(Kind.BOOL, Boolean.TRUE);
        }
        if (FALSE.contains(in)) {
            return new Resolved(Kind.BOOL, Boolean.FALSE);
        }
        switch (in) {
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF" -> {
                return new Resolved(Kind.FLOAT, Double.POSITIVE_INFINITY);
            }
            case "-.inf", "-.Inf", "-.INF" -> {
                return new Resolved(Kind.FLOAT, Double.NEGATIVE_INFINITY);
            }
            case ".nan", ".NaN", ".NAN" -> {
                return new Resolved(Kind.FLOAT, Double.NaN);
            }
            default -> {
            }
        }
        char c = in.charAt(0);
        if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
            String plain = in.replace("_", "");
            BigInteger integer = parseGoInt(plain);
            if (integer != null) {
                return new Resolved(Kind.INT, integer);
            }
            if (FLOAT.matcher(plain).matches()) {
                try {
                    return new Resolved(Kind.FLOAT, Double.parseDouble(plain));
                } catch (NumberFormatException e) {
                    // falls through to a string, as yaml.v2 does when ParseFloat fails
                }
            }
        }
        return new Resolved(Kind.STR, in);
    }

    /** {@code strconv.ParseInt(s, 0, 64)}, then {@code ParseUint}: sign, 0x/0o/0b prefixes, a leading 0 for octal. */
    private static BigInteger parseGoInt(String s) {
        boolean negative = false;
        String digits = s;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            negative = digits.startsWith("-");
            digits = digits.substring(1);
        }
        int radix = 10;
        String lower = digits.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty()) {
            return null;
        }
        for (int i = 0; i < digits.length(); i++) {
            char ch = digits.charAt(i);
            if (ch >= 128 || Character.digit(ch, radix) < 0) {
                return null;
            }
        }
        BigInteger value = new BigInteger(digits, radix);
        if (negative) {
            value = value.negate();
            return value.bitLength() <= 63 ? value : null;
        }
        return value.compareTo(UINT64_MAX) <= 0 ? value : null;
    }

    /** A mapping's entries with YAML merge keys ({@code <<}) expanded; explicit keys win over merged ones. */
    static List<NodeTuple> entries(MappingNode mapping) {
        List<NodeTuple> merged = new ArrayList<>();
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (Tag.MERGE.equals(tuple.getKeyNode().getTag())) {
                Node value = tuple.getValueNode();
                if (value instanceof MappingNode m) {
                    merged.addAll(entries(m));
                } else if (value instanceof SequenceNode seq) {
                    seq.getValue().stream().filter(MappingNode.class::isInstance)
                            .forEach(m -> merged.addAll(entries((MappingNode) m)));
                }
            } else {
                own.add(tuple);
            }
        }
        List<NodeTuple> out = new ArrayList<>();
        for (NodeTuple m : merged) {
            boolean overridden = own.stream().anyMatch(o -> keyText(o).equals(keyText(m)))
                    || out.stream().anyMatch(o -> keyText(o).equals(keyText(m)));
            if (!overridden) {
                out.add(m);
            }
        }
        out.addAll(own);
        return out;
    }

    /** A key as text: the scalar's text, or a marker for non-scalar keys (which no MetalLB schema has). */
    static String keyText(NodeTuple tuple) {
        return tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "<" + resolve(tuple.getKeyNode()).kind().shortTag + ">";
    }

    /** 1-based line of a node. */
    static int line(Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }
}
