package dev.lbctl.election;

import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the offline election inputs of {@code lbctl pool simulate --nodes FILE [--endpoints FILE]}.
 *
 * <p>Nodes: either {@code kubectl get nodes -o yaml} output (Node objects, or a List of them), or the short form
 * <pre>
 * nodes:
 *   - name: cp-1
 *     labels: {node.kubernetes.io/exclude-from-external-load-balancers: ""}
 *     conditions: {NetworkUnavailable: "True"}   # type: status; only NetworkUnavailable matters
 *     unschedulable: false                       # cordoned
 *     speaker: true                              # a ready speaker runs there (default true)
 * </pre>
 * Endpoints, per Service ({@code namespace/name}, or a name in namespace {@code default}):
 * <pre>
 * services:
 *   - service: default/web
 *     endpoints:
 *       - node: worker-1
 *         ready: true        # default true
 *         serving: true      # default: as ready
 * </pre>
 */
public final class ElectionInputs {

    private ElectionInputs() {
    }

    public static List<NodeState> nodes(Path file) {
        return nodes(YamlDocuments.load(file), file.toString());
    }

    public static List<NodeState> parseNodes(String text, String source) {
        return nodes(YamlDocuments.parse(text, source), source);
    }

    public static Map<String, List<Endpoint>> endpoints(Path file) {
        return endpoints(YamlDocuments.load(file), file.toString());
    }

    public static Map<String, List<Endpoint>> parseEndpoints(String text, String source) {
        return endpoints(YamlDocuments.parse(text, source), source);
    }

    /** A Node object as the API server returns it (map form); {@code speaker} says whether a ready speaker runs there. */
    public static NodeState fromNodeObject(Map<String, Object> node, boolean speaker) {
        Map<String, Object> metadata = map(node.get("metadata"));
        Map<String, Object> spec = map(node.get("spec"));
        Map<String, Object> status = map(node.get("status"));
        return new NodeState(String.valueOf(metadata.get("name")), strings(metadata.get("labels")),
                networkUnavailable(status.get("conditions")), Boolean.TRUE.equals(spec.get("unschedulable")), speaker);
    }

    private static List<NodeState> nodes(List<Object> documents, String source) {
        List<NodeState> out = new ArrayList<>();
        for (Object doc : YamlDocuments.flattenLists(documents)) {
            Map<String, Object> m = object(doc, source, "a Node or a mapping with key nodes");
            if ("Node".equals(m.get("kind"))) {
                out.add(fromNodeObject(m, true));
            } else if (m.get("nodes") instanceof List<?> list) {
                for (Object entry : list) {
                    out.add(shortNode(object(entry, source, "a node (a mapping with name)"), source));
                }
            } else {
                throw new InvalidInputException(source + " holds neither Node objects nor a list under key nodes.");
            }
        }
        Set<String> seen = new HashSet<>();
        for (NodeState n : out) {
            if (!seen.add(n.name())) {
                throw new InvalidInputException(source + ": node \"" + n.name() + "\" appears twice.");
            }
        }
        return out;
    }

    private static NodeState shortNode(Map<String, Object> m, String source) {
        if (!(m.get("name") instanceof String name) || name.isBlank()) {
            throw new InvalidInputException(source + ": a node has no name (" + m + ").");
        }
        Object conditions = m.get("conditions");
        boolean networkUnavailable;
        if (conditions instanceof Map<?, ?> byType) {
            networkUnavailable = "True".equals(String.valueOf(byType.get("NetworkUnavailable")));
        } else {
            networkUnavailable = networkUnavailable(conditions);
        }
        return new NodeState(name, strings(m.get("labels")), networkUnavailable,
                flag(m, "unschedulable", false, source, name), flag(m, "speaker", true, source, name));
    }

    private static Map<String, List<Endpoint>> endpoints(List<Object> documents, String source) {
        Map<String, List<Endpoint>> out = new LinkedHashMap<>();
        for (Object doc : documents) {
            Map<String, Object> m = object(doc, source, "a mapping with key services");
            if (!(m.get("services") instanceof List<?> services)) {
                throw new InvalidInputException(source + " has no list under key services.");
            }
            for (Object s : services) {
                Map<String, Object> service = object(s, source, "a service (a mapping with service and endpoints)");
                if (!(service.get("service") instanceof String name) || name.isBlank()) {
                    throw new InvalidInputException(source + ": an entry has no service name (" + service + ").");
                }
                String key = name.contains("/") ? name : "default/" + name;
                List<Endpoint> eps = out.computeIfAbsent(key, k -> new ArrayList<>());
                Object list = service.get("endpoints");
                if (list != null && !(list instanceof List<?>)) {
                    throw new InvalidInputException(source + ": endpoints of " + key + " is not a list (" + list + ").");
                }
                for (Object e : list == null ? List.of() : (List<?>) list) {
                    Map<String, Object> ep = object(e, source, "an endpoint (a mapping with node)");
                    if (!(ep.get("node") instanceof String node) || node.isBlank()) {
                        throw new InvalidInputException(source + ": an endpoint of " + key + " has no node (" + ep + ").");
                    }
                    boolean ready = flag(ep, "ready", true, source, node);
                    eps.add(new Endpoint(node, ready, flag(ep, "serving", ready, source, node)));
                }
            }
        }
        return out;
    }

    private static boolean networkUnavailable(Object conditions) {
        if (!(conditions instanceof List<?> list)) {
            return false;
        }
        return list.stream().map(ElectionInputs::map)
                .anyMatch(c -> "NetworkUnavailable".equals(c.get("type")) && "True".equals(String.valueOf(c.get("status"))));
    }

    private static boolean flag(Map<String, Object> m, String key, boolean absent, String source, String owner) {
        Object v = m.get(key);
        if (v == null) {
            return absent;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new InvalidInputException(source + ": " + key + " of " + owner + " is \"" + v + "\", not true or false.");
    }

    private static Map<String, Object> object(Object o, String source, String expected) {
        if (o instanceof Map<?, ?>) {
            return map(o);
        }
        throw new InvalidInputException(source + ": \"" + o + "\" is not " + expected + ".");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(k, v == null ? "" : String.valueOf(v)));
        return out;
    }
}
