package dev.lbctl.doctor;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.Fields;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.status.MetalLbConfiguration;
import dev.lbctl.status.MetalLbStatus;
import dev.lbctl.status.MetalLbWorkloads;
import dev.lbctl.status.StatusReader;
import dev.lbctl.strictarp.KubeProxyStrictArp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a {@link Snapshot}: list calls only, each kind once; it never changes anything. */
public final class SnapshotReader {

    static final String METALLB_API = "metallb.io/v1beta1";

    private SnapshotReader() {
    }

    public static Snapshot read(Cluster cluster) {
        MetalLbStatus metallb = new StatusReader(cluster).detect();
        String ns = metallb.namespace();
        Optional<Map<String, Object>> controller = metallb.controller()
                .flatMap(c -> cluster.get("apps/v1", "Deployment", ns, c.name()));
        Optional<Map<String, Object>> speaker = metallb.speaker()
                .flatMap(s -> cluster.get("apps/v1", "DaemonSet", ns, s.name()));
        boolean legacy = metallb.configStyle().filter(s -> s == ConfigStyle.LEGACY_CONFIGMAP).isPresent();
        Optional<MetalLbConfiguration> configuration = legacy || controller.isPresent()
                ? Optional.of(MetalLbConfiguration.read(cluster, metallb)) : Optional.empty();
        return new Snapshot(metallb, controller, speaker, cluster.pods(null), cluster.namespaceEvents(null), cluster.nodeObjects(),
                cluster.list("v1", "Namespace", null), cluster.list("v1", "Service", null), cluster.endpointSlices(),
                legacy ? List.of() : cluster.validatingWebhookConfigurations(),
                cluster.customObjects(METALLB_API, "ServiceL2Status", ns),
                cluster.customObjects(METALLB_API, "ConfigurationState", ns),
                configuration,
                cluster.configMap(KubeProxyStrictArp.NAMESPACE, KubeProxyStrictArp.NAME)
                        .map(ConfigMapSnapshot::data).map(d -> d.get(KubeProxyStrictArp.CONFIG_KEY)),
                peerSecrets(cluster, ns, configuration));
    }

    /** The password Secrets BGPPeers name: only their type and whether {@code password} is there, never its value. */
    private static Map<String, Snapshot.PeerSecret> peerSecrets(Cluster cluster, String ns,
            Optional<MetalLbConfiguration> configuration) {
        Map<String, Snapshot.PeerSecret> out = new java.util.TreeMap<>();
        for (Map<String, Object> resource : configuration.map(MetalLbConfiguration::resources).orElse(List.of())) {
            String name = Fields.string(Fields.map(Fields.map(resource, "spec"), "passwordSecret"), "name");
            if ("BGPPeer".equals(resource.get("kind")) && name != null && !name.isEmpty() && !out.containsKey(name)) {
                cluster.get("v1", "Secret", ns, name).ifPresent(secret -> out.put(name, new Snapshot.PeerSecret(
                        Fields.string(secret, "type"), Fields.map(secret, "data").containsKey("password"))));
            }
        }
        return out;
    }

    /**
     * A Go boolean flag of the speaker ({@code --name}, {@code -name}, {@code --name=true}); Go's flag package lets the
     * last occurrence win.
     */
    static boolean speakerSwitch(Snapshot snapshot, String flag) {
        boolean on = false;
        for (Object c : Fields.list(Fields.map(Fields.map(Fields.map(snapshot.speaker().orElse(Map.of()), "spec"),
                "template"), "spec"), "containers")) {
            Map<String, Object> container = ClusterFacts.asMap(c);
            List<Object> words = new ArrayList<>(Fields.list(container, "command"));
            words.addAll(Fields.list(container, "args"));
            for (Object w : words) {
                String word = String.valueOf(w).replaceFirst("^--?", "-");
                if (word.equals("-" + flag) || word.equals("-" + flag + "=true")) {
                    on = true;
                } else if (word.equals("-" + flag + "=false")) {
                    on = false;
                }
            }
        }
        return on;
    }

    static Optional<String> controllerFlag(Snapshot snapshot, String flag) {
        return snapshot.controller().flatMap(c -> MetalLbWorkloads.flag(c, "controller", flag));
    }
}
