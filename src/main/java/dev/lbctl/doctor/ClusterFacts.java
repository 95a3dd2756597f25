package dev.lbctl.doctor;

import dev.lbctl.cluster.Fields;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.status.MetalLbConfiguration;
import dev.lbctl.election.ElectionInputs;
import dev.lbctl.election.Endpoint;
import dev.lbctl.election.NodeState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Read-only questions about a {@link Snapshot}, shared by the checks. */
final class ClusterFacts {

    private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private final Snapshot snapshot;

    ClusterFacts(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    Snapshot snapshot() {
        return snapshot;
    }

    String metallbNamespace() {
        return snapshot.metallb().namespace();
    }

    /** Events about one object, oldest first (by last, else first, else creation time). */
    List<Map<String, Object>> events(String namespace, String kind, String name) {
        return snapshot.events().stream().filter(e -> {
            Map<String, Object> involved = Fields.map(e, "involvedObject");
            return kind.equals(Fields.string(involved, "kind")) && name.equals(Fields.string(involved, "name"))
                    && Objects.equals(namespace, Fields.string(involved, "namespace"));
        }).sorted(Comparator.comparing(ClusterFacts::eventTime)).toList();
    }

    /** Events in MetalLB's namespace with the given reason, oldest first. */
    List<Map<String, Object>> metallbEvents(String reason) {
        return snapshot.events().stream()
                .filter(e -> metallbNamespace().equals(Fields.namespace(e)) && reason.equals(Fields.string(e, "reason")))
                .sorted(Comparator.comparing(ClusterFacts::eventTime)).toList();
    }

    static String eventTime(Map<String, Object> event) {
        for (String key : List.of("lastTimestamp", "eventTime", "firstTimestamp")) {
            String t = Fields.string(event, key);
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return Objects.requireNonNullElse(Fields.string(Fields.map(event, "metadata"), "creationTimestamp"), "");
    }

    /** MetalLB's pods of one component (by the upstream or Helm labels) in its namespace. */
    List<Map<String, Object>> componentPods(String component) {
        return snapshot.pods().stream().filter(p -> metallbNamespace().equals(Fields.namespace(p))).filter(p -> {
            Map<String, Object> labels = Fields.map(Fields.map(p, "metadata"), "labels");
            return component.equals(Fields.string(labels, "component"))
                    || component.equals(Fields.string(labels, "app.kubernetes.io/component"));
        }).toList();
    }

    static boolean ready(Map<String, Object> pod) {
        return Fields.list(Fields.map(pod, "status"), "conditions").stream().filter(Map.class::isInstance)
                .map(ClusterFacts::asMap)
                .anyMatch(c -> "Ready".equals(Fields.string(c, "type")) && "True".equals(Fields.string(c, "status")));
    }

    static String nodeOf(Map<String, Object> pod) {
        return Fields.string(Fields.map(pod, "spec"), "nodeName");
    }

    /** Why a pod is not ready: its containers' waiting or terminated reasons, else its phase. */
    static String podTrouble(Map<String, Object> pod) {
        Set<String> reasons = new TreeSet<>();
        Map<String, Object> status = Fields.map(pod, "status");
        for (String key : List.of("initContainerStatuses", "containerStatuses")) {
            for (Object o : Fields.list(status, key)) {
                Map<String, Object> state = Fields.map(asMap(o), "state");
                for (String s : List.of("waiting", "terminated")) {
                    String reason = Fields.string(Fields.map(state, s), "reason");
                    String message = Fields.string(Fields.map(state, s), "message");
                    if (reason != null) {
                        reasons.add(message == null || message.isBlank() ? reason : reason + " (" + message.strip() + ")");
                    }
                }
            }
        }
        return reasons.isEmpty() ? "phase " + Objects.requireNonNullElse(Fields.string(status, "phase"), "Unknown")
                : String.join(", ", reasons);
    }

    /** Nodes where a ready speaker pod runs. */
    Set<String> readySpeakerNodes() {
        Set<String> out = new TreeSet<>();
        componentPods("speaker").stream().filter(ClusterFacts::ready).map(ClusterFacts::nodeOf)
                .filter(Objects::nonNull).forEach(out::add);
        return out;
    }

    /** Every node as the election sees it. */
    List<NodeState> nodeStates() {
        Set<String> speakers = readySpeakerNodes();
        return snapshot.nodes().stream().map(n -> ElectionInputs.fromNodeObject(n, speakers.contains(Fields.name(n))))
                .sorted(Comparator.comparing(NodeState::name)).toList();
    }

    /** The Service's endpoints from all its EndpointSlices. */
    List<Endpoint> endpoints(String namespace, String service) {
        List<Endpoint> out = new ArrayList<>();
        for (Map<String, Object> slice : snapshot.endpointSlices()) {
            Map<String, Object> labels = Fields.map(Fields.map(slice, "metadata"), "labels");
            if (!namespace.equals(Fields.namespace(slice)) || !service.equals(Fields.string(labels, SERVICE_NAME_LABEL))) {
                continue;
            }
            for (Object o : Fields.list(slice, "endpoints")) {
                Map<String, Object> ep = asMap(o);
                Map<String, Object> conditions = Fields.map(ep, "conditions");
                String node = Optional.ofNullable(Fields.string(ep, "nodeName"))
                        .orElse(Fields.string(Fields.map(ep, "topology"), "kubernetes.io/hostname"));
                out.add(new Endpoint(node, bool(conditions.get("ready")), bool(conditions.get("serving"))));
            }
        }
        return out;
    }

    /** Namespace labels by name, for serviceAllocation namespaceSelectors. */
    Map<String, Map<String, String>> namespaceLabels() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, Object> ns : snapshot.namespaces()) {
            Map<String, String> labels = new HashMap<>();
            Fields.map(Fields.map(ns, "metadata"), "labels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
            out.put(Fields.name(ns), labels);
        }
        return out;
    }

    /**
     * MetalLB's configuration as lbctl's config reader sees it; empty when there is none. Throws
     * {@link dev.lbctl.input.InvalidInputException} when it cannot be read.
     */
    Optional<MetalLbConfig> config() {
        return snapshot.configuration().filter(c -> c.legacyText().isPresent() || !c.resources().isEmpty())
                .map(MetalLbConfiguration::parse);
    }

    private static Boolean bool(Object o) {
        return o instanceof Boolean b ? b : null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
