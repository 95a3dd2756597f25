package dev.lbctl.status;

import dev.lbctl.cluster.Fields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Recognizes MetalLB's controller Deployment and speaker DaemonSet among the cluster's workloads (objects in their map
 * form) and reads what lbctl needs from them: readiness, image, flags and environment.
 *
 * <p>The upstream manifests label both {@code app: metallb} plus {@code component: controller|speaker}; the Helm chart
 * uses {@code app.kubernetes.io/name: metallb} plus {@code app.kubernetes.io/component}, and names them
 * {@code <release>-controller} and {@code <release>-speaker}.
 */
public final class MetalLbWorkloads {

    static final String CONTROLLER = "controller";
    static final String SPEAKER = "speaker";

    private MetalLbWorkloads() {
    }

    /** A MetalLB component by its labels, or the upstream name with a MetalLB image (labels may have been dropped). */
    public static boolean isComponent(Map<String, Object> workload, String component) {
        Map<String, String> labels = labels(workload);
        boolean metallb = "metallb".equals(labels.get("app")) || "metallb".equals(labels.get("app.kubernetes.io/name"));
        boolean labelled = component.equals(labels.get("component")) || component.equals(labels.get("app.kubernetes.io/component"));
        if (metallb && labelled) {
            return true;
        }
        return component.equals(Fields.name(workload))
                && container(workload, component).map(c -> Objects.requireNonNullElse(Fields.string(c, "image"), ""))
                        .filter(image -> image.contains("metallb")).isPresent();
    }

    /**
     * The controller to report when several namespaces run one: the one in {@code preferredNamespace}, else the first
     * by namespace and name. Empty when the list holds no MetalLB controller.
     */
    public static Optional<Map<String, Object>> pickController(List<Map<String, Object>> deployments, String preferredNamespace) {
        return deployments.stream()
                .filter(d -> isComponent(d, CONTROLLER))
                .min(Comparator.<Map<String, Object>, Boolean>comparing(d -> !preferredNamespace.equals(Fields.namespace(d)))
                        .thenComparing(d -> Objects.requireNonNullElse(Fields.namespace(d), ""))
                        .thenComparing(d -> Objects.requireNonNullElse(Fields.name(d), "")));
    }

    /** The speaker DaemonSet among a namespace's DaemonSets; the upstream name {@code speaker} wins. */
    public static Optional<Map<String, Object>> pickSpeaker(List<Map<String, Object>> daemonSets) {
        return daemonSets.stream()
                .filter(d -> isComponent(d, SPEAKER))
                .min(Comparator.<Map<String, Object>, Boolean>comparing(d -> !SPEAKER.equals(Fields.name(d)))
                        .thenComparing(d -> Objects.requireNonNullElse(Fields.name(d), "")));
    }

    /** Ready replicas of {@code spec.replicas} (which defaults to 1). */
    public static WorkloadStatus deploymentStatus(Map<String, Object> deployment) {
        Map<String, Object> spec = Fields.map(deployment, "spec");
        long desired = spec.get("replicas") instanceof Number n ? n.longValue() : 1;
        return new WorkloadStatus("Deployment", Fields.name(deployment), image(deployment, CONTROLLER),
                Fields.number(Fields.map(deployment, "status"), "readyReplicas"), desired);
    }

    /** Ready pods of the pods the DaemonSet should run ({@code numberReady} of {@code desiredNumberScheduled}). */
    public static WorkloadStatus daemonSetStatus(Map<String, Object> daemonSet) {
        Map<String, Object> status = Fields.map(daemonSet, "status");
        return new WorkloadStatus("DaemonSet", Fields.name(daemonSet), image(daemonSet, SPEAKER),
                Fields.number(status, "numberReady"), Fields.number(status, "desiredNumberScheduled"));
    }

    /** The image of the component's container; empty text when there is none. */
    public static String image(Map<String, Object> workload, String component) {
        return container(workload, component).map(c -> Fields.string(c, "image")).orElse("");
    }

    /**
     * The value of a Go flag of the component's container ({@code --name=value}, {@code --name value}, or with one
     * dash), from its command and args; the last occurrence wins, as in Go's flag package.
     */
    public static Optional<String> flag(Map<String, Object> workload, String component, String name) {
        List<String> words = new ArrayList<>();
        container(workload, component).ifPresent(c -> {
            Fields.list(c, "command").forEach(w -> words.add(String.valueOf(w)));
            Fields.list(c, "args").forEach(w -> words.add(String.valueOf(w)));
        });
        Optional<String> value = Optional.empty();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            for (String form : List.of("--" + name, "-" + name)) {
                if (w.startsWith(form + "=")) {
                    value = Optional.of(w.substring(form.length() + 1));
                } else if (w.equals(form) && i + 1 < words.size()) {
                    value = Optional.of(words.get(i + 1));
                }
            }
        }
        return value;
    }

    /** A plain environment variable of the component's container. */
    public static Optional<String> env(Map<String, Object> workload, String component, String name) {
        return envVar(workload, component, name).map(e -> Fields.string(e, "value"));
    }

    /** The Secret an environment variable of the component's container comes from ({@code valueFrom.secretKeyRef}). */
    public static Optional<String> envSecret(Map<String, Object> workload, String component, String name) {
        return envVar(workload, component, name)
                .map(e -> Fields.string(Fields.map(Fields.map(e, "valueFrom"), "secretKeyRef"), "name"));
    }

    private static Optional<Map<String, Object>> envVar(Map<String, Object> workload, String component, String name) {
        return container(workload, component).flatMap(c -> Fields.list(c, "env").stream()
                .filter(Map.class::isInstance).map(MetalLbWorkloads::asMap)
                .filter(e -> name.equals(Fields.string(e, "name"))).findFirst());
    }

    /** The container named after the component, else the first with a MetalLB image, else the first. */
    static Optional<Map<String, Object>> container(Map<String, Object> workload, String component) {
        List<Map<String, Object>> containers = Fields.list(podSpec(workload), "containers").stream()
                .filter(Map.class::isInstance).map(MetalLbWorkloads::asMap).toList();
        return containers.stream().filter(c -> component.equals(Fields.string(c, "name"))).findFirst()
                .or(() -> containers.stream().filter(c -> Objects.requireNonNullElse(Fields.string(c, "image"), "")
                        .contains("metallb/" + component)).findFirst())
                .or(() -> containers.stream().findFirst());
    }

    private static Map<String, Object> podSpec(Map<String, Object> workload) {
        return Fields.map(Fields.map(Fields.map(workload, "spec"), "template"), "spec");
    }

    /** The workload's labels merged with its pod template's (the chart does not repeat every label on both). */
    private static Map<String, String> labels(Map<String, Object> workload) {
        Map<String, String> labels = new HashMap<>();
        Fields.map(Fields.map(Fields.map(Fields.map(workload, "spec"), "template"), "metadata"), "labels")
                .forEach((k, v) -> labels.put(k, String.valueOf(v)));
        Fields.map(Fields.map(workload, "metadata"), "labels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
        return labels;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }
}
