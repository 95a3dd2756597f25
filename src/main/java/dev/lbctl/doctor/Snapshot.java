package dev.lbctl.doctor;

import dev.lbctl.status.MetalLbConfiguration;
import dev.lbctl.status.MetalLbStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything {@code lbctl doctor} looks at, read from the cluster once (objects in their map form). The diagnosis is a
 * pure function of it, so tests build one by hand.
 *
 * @param metallb where and which MetalLB runs, as {@code lbctl status} finds it
 * @param controller MetalLB's controller Deployment; empty when not installed
 * @param speaker MetalLB's speaker DaemonSet; empty when missing
 * @param pods Pods of every namespace (speakers, controller, k3s {@code svclb-*})
 * @param events Events of every namespace
 * @param configuration MetalLB's configuration (resources, or the ConfigMap text of v0.9 to v0.12); empty when no
 *     MetalLB controller runs
 * @param kubeProxyConfig {@code config.conf} of ConfigMap {@code kube-system/kube-proxy}
 * @param peerSecrets the Secrets BGPPeers name in {@code passwordSecret}, by name, as far as MetalLB checks them (the
 *     password itself is never read into the snapshot); a missing name is a missing Secret
 */
public record Snapshot(
        MetalLbStatus metallb,
        Optional<Map<String, Object>> controller,
        Optional<Map<String, Object>> speaker,
        List<Map<String, Object>> pods,
        List<Map<String, Object>> events,
        List<Map<String, Object>> nodes,
        List<Map<String, Object>> namespaces,
        List<Map<String, Object>> services,
        List<Map<String, Object>> endpointSlices,
        List<Map<String, Object>> webhookConfigurations,
        List<Map<String, Object>> serviceL2Statuses,
        List<Map<String, Object>> configurationStates,
        Optional<MetalLbConfiguration> configuration,
        Optional<String> kubeProxyConfig,
        Map<String, PeerSecret> peerSecrets) {

    /** What MetalLB asks of a BGP password Secret: its type and whether it has the {@code password} key. */
    public record PeerSecret(String type, boolean hasPassword) {
        static final String BASIC_AUTH = "kubernetes.io/basic-auth";
    }

    public Snapshot {
        pods = List.copyOf(pods);
        events = List.copyOf(events);
        nodes = List.copyOf(nodes);
        namespaces = List.copyOf(namespaces);
        services = List.copyOf(services);
        endpointSlices = List.copyOf(endpointSlices);
        webhookConfigurations = List.copyOf(webhookConfigurations);
        serviceL2Statuses = List.copyOf(serviceL2Statuses);
        configurationStates = List.copyOf(configurationStates);
        peerSecrets = Map.copyOf(peerSecrets);
    }
}
