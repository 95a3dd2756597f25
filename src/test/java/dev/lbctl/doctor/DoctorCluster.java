package dev.lbctl.doctor;

import dev.lbctl.status.FakeCluster;
import dev.lbctl.status.StatusFixtures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A healthy MetalLB v0.16.1 cluster as named YAML parts (the objects the API server would return), which each test
 * replaces or removes to break one thing; {@link #read} goes through {@link SnapshotReader} over a map-backed gateway.
 *
 * <p>Three nodes with a ready speaker each, pool {@code lab} (127.0.0.240-250) with one L2Advertisement, and Service
 * {@code default/web} at 127.0.0.240 with a ready endpoint on every node. sha256 orders the nodes for 127.0.0.240 as
 * node-a, node-b, node-c (printf '%s' 'node-a#127.0.0.240' | sha256sum ...), so node-a announces it.
 */
final class DoctorCluster {

    static final String NS = "metallb-system";

    final Map<String, String> parts = new LinkedHashMap<>();

    DoctorCluster() {
        parts.put("controller", StatusFixtures.controller(NS, "controller", "quay.io/metallb/controller:v0.16.1", 1));
        parts.put("speaker", StatusFixtures.speaker(NS, "quay.io/metallb/speaker:v0.16.1", 3, 3));
        parts.put("secret", StatusFixtures.secret(NS, "memberlist"));
        parts.put("webhook", StatusFixtures.webhook(NS, "metallb-webhook-service", true));
        parts.put("webhook-configuration", webhookConfiguration("Y2EtYnVuZGxl"));
        parts.put("pool", StatusFixtures.ipAddressPool(NS, "lab", "127.0.0.240-127.0.0.250"));
        parts.put("l2advertisement", l2Advertisement("lab", ""));
        parts.put("namespaces", namespace("default") + namespace(NS));
        parts.put("kube-proxy", kubeProxy("mode: iptables"));
        for (String node : new String[] {"node-a", "node-b", "node-c"}) {
            parts.put("node " + node, node(node, "", ""));
            parts.put("speaker-pod " + node, speakerPod(node, true));
        }
        parts.put("web", service("web", "Cluster", "127.0.0.240"));
        parts.put("web endpoints", endpoints("web", "node-a", "node-b", "node-c"));
        parts.put("web l2status", StatusFixtures.l2Status(NS, "web", "default", "node-a"));
    }

    DoctorCluster with(String part, String yaml) {
        parts.put(part, yaml);
        return this;
    }

    DoctorCluster without(String part) {
        if (parts.remove(part) == null) {
            throw new IllegalArgumentException("no part " + part);
        }
        return this;
    }

    FakeCluster fake() {
        FakeCluster cluster = FakeCluster.of(String.join("", parts.values()));
        return cluster.serving("metallb.io/v1beta1", "ServiceL2Status");
    }

    Snapshot read() {
        return SnapshotReader.read(fake());
    }

    static String node(String name, String extraLabels, String extraStatus) {
        return """
                ---
                apiVersion: v1
                kind: Node
                metadata:
                  name: %1$s
                  labels: {kubernetes.io/hostname: %1$s%2$s}
                %4$s
                status:
                  conditions:
                    - {type: Ready, status: "True"}%3$s
                """.formatted(name, extraLabels.isEmpty() ? "" : ", " + extraLabels,
                extraStatus.isEmpty() ? "" : "\n    - " + extraStatus, "spec: {}");
    }

    static String cordonedNode(String name) {
        return node(name, "", "").replace("spec: {}", "spec: {unschedulable: true}");
    }

    static String speakerPod(String node, boolean ready) {
        return """
                ---
                apiVersion: v1
                kind: Pod
                metadata:
                  name: speaker-%1$s
                  namespace: metallb-system
                  labels: {app: metallb, component: speaker}
                spec: {nodeName: %1$s}
                status:
                  phase: Running
                  conditions: [{type: Ready, status: "%2$s"}]
                  containerStatuses:
                    - name: speaker
                      state: %3$s
                """.formatted(node, ready ? "True" : "False",
                ready ? "{running: {}}" : "{waiting: {reason: CrashLoopBackOff, message: back-off restarting}}");
    }

    static String service(String name, String policy, String ip) {
        return """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: default, labels: {app: %1$s}}
                spec:
                  type: LoadBalancer
                  externalTrafficPolicy: %2$s
                  selector: {app: %1$s}
                  ports: [{port: 80, protocol: TCP}]
                  clusterIP: 10.96.0.%3$d
                status:
                  loadBalancer:
                    ingress: %4$s
                """.formatted(name, policy, 10 + Math.abs(name.hashCode() % 200), ip == null ? "[]" : "[{ip: " + ip + "}]");
    }

    static String annotated(String serviceYaml, String annotation) {
        return serviceYaml.replaceFirst("namespace: default,", "namespace: default, annotations: {" + annotation + "},");
    }

    static String endpoints(String service, String... readyNodes) {
        StringBuilder eps = new StringBuilder();
        int i = 1;
        for (String node : readyNodes) {
            eps.append("\n  - {addresses: [10.244.0.").append(i++).append("], nodeName: ").append(node)
                    .append(", conditions: {ready: true, serving: true}}");
        }
        return """
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: %1$s-abcde
                  namespace: default
                  labels: {kubernetes.io/service-name: %1$s}
                addressType: IPv4
                endpoints:%2$s
                """.formatted(service, eps.length() == 0 ? " []" : eps);
    }

    static String l2Advertisement(String pool, String extraSpec) {
        return """
                ---
                apiVersion: metallb.io/v1beta1
                kind: L2Advertisement
                metadata: {name: %1$s, namespace: metallb-system}
                spec: {ipAddressPools: [%1$s]%2$s}
                """.formatted(pool, extraSpec.isEmpty() ? "" : ", " + extraSpec);
    }

    static String namespace(String name) {
        return """
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: %s, labels: {kubernetes.io/metadata.name: %s}}
                """.formatted(name, name);
    }

    static String webhookConfiguration(String caBundle) {
        return """
                ---
                apiVersion: admissionregistration.k8s.io/v1
                kind: ValidatingWebhookConfiguration
                metadata: {name: metallb-webhook-configuration}
                webhooks:
                  - name: ipaddresspoolvalidationwebhook.metallb.io
                    clientConfig:
                      caBundle: "%s"
                      service: {name: metallb-webhook-service, namespace: metallb-system, path: /validate}
                """.formatted(caBundle);
    }

    static String kubeProxy(String config) {
        return """
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: kube-proxy, namespace: kube-system}
                data:
                  config.conf: |
                    apiVersion: kubeproxy.config.k8s.io/v1alpha1
                    kind: KubeProxyConfiguration
                    %s
                """.formatted(config.replace("\n", "\n    "));
    }

    static String event(String namespace, String kind, String name, String reason, String message, String time) {
        return StatusFixtures.event(namespace, name, reason, message, time).replace("kind: Service,", "kind: " + kind + ",");
    }
}
