package dev.lbctl.config;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.LabelSelector;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * One object of a Kubernetes manifest read the way the API server reads a custom resource: JSON types checked against
 * the CRD schema ({@code spec.autoAssign in body must be of type boolean: "string"}) and, as with strict field
 * validation, every field nobody asked for reported as {@code unknown field "spec.foo"}. Problems are collected so
 * that one message can list them all.
 */
final class KubeFields {

    private final String path;
    private final Map<String, NodeTuple> fields = new LinkedHashMap<>();
    private final Set<String> read = new HashSet<>();
    private final List<String> errors;

    private KubeFields(String path, List<String> errors) {
        this.path = path;
        this.errors = errors;
    }

    /** Reads {@code node} as an object at {@code path} ("" for the document itself). */
    static KubeFields of(Node node, String path, List<String> errors) {
        KubeFields object = new KubeFields(path, errors);
        if (node == null || GoYaml.resolve(node).kind() == GoYaml.Kind.NULL) {
            return object;
        }
        if (!(node instanceof MappingNode mapping)) {
            object.typeError(path, "object", node);
            return object;
        }
        for (NodeTuple tuple : GoYaml.entries(mapping)) {
            String key = GoYaml.keyText(tuple);
            if (object.fields.putIfAbsent(key, tuple) != null) {
                errors.add("line " + GoYaml.line(tuple.getKeyNode()) + ": key " + GoQuote.q(key) + " already set in map");
            }
        }
        return object;
    }

    boolean has(String key) {
        return value(key) != null;
    }

    int line(String key) {
        NodeTuple tuple = fields.get(key);
        return tuple == null ? 0 : GoYaml.line(tuple.getKeyNode());
    }

    String string(String key) {
        Node node = value(key);
        if (node == null) {
            return null;
        }
        GoYaml.Resolved r = GoYaml.resolve(node);
        if (r.kind() != GoYaml.Kind.STR) {
            typeError(child(key), "string", node);
            return null;
        }
        return (String) r.value();
    }

    boolean bool(String key, boolean absent) {
        Node node = value(key);
        if (node == null) {
            return absent;
        }
        GoYaml.Resolved r = GoYaml.resolve(node);
        if (r.kind() != GoYaml.Kind.BOOL) {
            typeError(child(key), "boolean", node);
            return absent;
        }
        return (Boolean) r.value();
    }

    /** An integer field; {@code min}/{@code max} are the CRD schema's bounds (or the field's Go type's). */
    Long integer(String key, long min, long max) {
        Node node = value(key);
        if (node == null) {
            return null;
        }
        GoYaml.Resolved r = GoYaml.resolve(node);
        if (r.kind() != GoYaml.Kind.INT) {
            typeError(child(key), "integer", node);
            return null;
        }
        BigInteger v = (BigInteger) r.value();
        if (v.compareTo(BigInteger.valueOf(max)) > 0) {
            errors.add(child(key) + " in body should be less than or equal to " + max);
            return null;
        }
        if (v.compareTo(BigInteger.valueOf(min)) < 0) {
            errors.add(child(key) + " in body should be greater than or equal to " + min);
            return null;
        }
        return v.longValue();
    }

    List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            GoYaml.Resolved r = GoYaml.resolve(items.get(i));
            if (r.kind() == GoYaml.Kind.STR) {
                out.add((String) r.value());
            } else {
                typeError(child(key) + "[" + i + "]", "string", items.get(i));
            }
        }
        return out;
    }

    Map<String, String> stringMap(String key) {
        Map<String, String> out = new LinkedHashMap<>();
        KubeFields map = object(key);
        for (String k : map.fields.keySet()) {
            String v = map.string(k);
            if (v != null) {
                out.put(k, v);
            }
        }
        return out;
    }

    KubeFields object(String key) {
        markRead(key);
        return of(value(key), child(key), errors);
    }

    List<KubeFields> objects(String key) {
        List<KubeFields> out = new ArrayList<>();
        List<Node> items = items(key);
        for (int i = 0; i < items.size(); i++) {
            out.add(of(items.get(i), child(key) + "[" + i + "]", errors));
        }
        return out;
    }

    List<LabelSelector> selectors(String key) {
        return objects(key).stream().map(KubeFields::selector).toList();
    }

    /** A metav1.LabelSelector. An unknown operator is MetalLB's (apimachinery's) error, reported by its rules. */
    LabelSelector selector() {
        Map<String, String> labels = stringMap("matchLabels");
        List<LabelSelector.Requirement> requirements = new ArrayList<>();
        for (KubeFields e : objects("matchExpressions")) {
            String key = e.string("key");
            String operator = e.string("operator");
            List<String> values = e.strings("values");
            e.rejectUnknown();
            LabelSelector.Operator op = operator(operator);
            String k = key == null ? "" : key;
            requirements.add(op == null ? LabelSelector.Requirement.unknownOperator(k, operator == null ? "" : operator, values)
                    : new LabelSelector.Requirement(k, op, values));
        }
        rejectUnknown();
        return new LabelSelector(labels, requirements);
    }

    /** Reports every field that no getter asked for. */
    void rejectUnknown() {
        for (String key : fields.keySet()) {
            if (!read.contains(key)) {
                errors.add("unknown field " + GoQuote.q(child(key)));
            }
        }
    }

    /** Accepts a field without looking at it (metadata fields lbctl does not use). */
    void ignore(String key) {
        markRead(key);
    }

    private List<Node> items(String key) {
        Node node = value(key);
        if (node == null) {
            return List.of();
        }
        if (GoYaml.resolve(node).kind() != GoYaml.Kind.SEQ) {
            typeError(child(key), "array", node);
            return List.of();
        }
        return ((SequenceNode) node).getValue();
    }

    /** The value node, null when absent or YAML null (which the API server drops). */
    private Node value(String key) {
        markRead(key);
        NodeTuple tuple = fields.get(key);
        if (tuple == null || GoYaml.resolve(tuple.getValueNode()).kind() == GoYaml.Kind.NULL) {
            return null;
        }
        return tuple.getValueNode();
    }

    private void markRead(String key) {
        read.add(key);
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private void typeError(String at, String expected, Node node) {
        String actual = switch (GoYaml.resolve(node).kind()) {
            case STR -> "string";
            case INT -> "integer";
            case FLOAT -> "number";
            case BOOL -> "boolean";
            case SEQ -> "array";
            case MAP -> "object";
            case NULL -> "null";
        };
        errors.add("line " + GoYaml.line(node) + ": " + at + " in body must be of type " + expected + ": " + GoQuote.q(actual));
    }

    /** A label selector operator by its exact (case-sensitive) name, or null. */
    static LabelSelector.Operator operator(String text) {
        for (LabelSelector.Operator op : LabelSelector.Operator.values()) {
            if (op.name().equals(text)) {
                return op;
            }
        }
        return null;
    }
}
