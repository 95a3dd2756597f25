package dev.lbctl.kubeproxy;

import java.util.Optional;

/**
 * Decides whether kube-proxy must be switched to strict ARP before MetalLB Layer 2 can work. Only IPVS binds every
 * Service IP to {@code kube-ipvs0} on every node and so makes all nodes answer ARP for it (metallb#153).
 */
public final class StrictArpCheck {

    /** Diff labels in the spirit of kubectl diff's LIVE and MERGED folders. */
    static final String LIVE_LABEL = "live/kube-system/kube-proxy/config.conf";
    static final String PATCHED_LABEL = "patched/kube-system/kube-proxy/config.conf";

    private StrictArpCheck() {
    }

    /**
     * @param configText the {@code config.conf} of ConfigMap {@code kube-system/kube-proxy}, or empty when that ConfigMap
     *     does not exist (k3s, or a kube-proxy replacement such as Cilium)
     */
    public static StrictArpResult evaluate(Optional<String> configText) {
        if (configText.isEmpty()) {
            return StrictArpResult.notNeeded("there is no kube-system/kube-proxy ConfigMap, so no kubeadm-managed kube-proxy"
                    + " runs in IPVS mode (k3s or a kube-proxy replacement).");
        }
        KubeProxyConfigText config = KubeProxyConfigText.parse(configText.get());
        return switch (config.mode()) {
            case DEFAULT -> StrictArpResult.notNeeded("kube-proxy runs in the default mode, which is iptables on Linux;"
                    + " strict ARP only matters in IPVS mode.");
            case IPTABLES, NFTABLES -> StrictArpResult.notNeeded("kube-proxy runs in " + config.mode().configValue()
                    + " mode; strict ARP only matters in IPVS mode.");
            case KERNELSPACE -> StrictArpResult.notNeeded("kube-proxy runs in kernelspace (Windows) mode;"
                    + " strict ARP only matters in IPVS mode.");
            case IPVS -> evaluateIpvs(config);
        };
    }

    private static StrictArpResult evaluateIpvs(KubeProxyConfigText config) {
        if (config.strictArp() == StrictArpValue.ENABLED) {
            return StrictArpResult.ok("kube-proxy runs in IPVS mode with ipvs.strictARP: true.");
        }
        String patched = StrictArpPatch.enable(config.text());
        String state = config.strictArp() == StrictArpValue.DISABLED ? "false" : "not set";
        return StrictArpResult.needsChange("kube-proxy runs in IPVS mode with ipvs.strictARP " + state
                        + ", so every node would answer ARP for every LoadBalancer IP; set it to true and restart kube-proxy.",
                patched, UnifiedDiff.of(config.text(), patched, LIVE_LABEL, PATCHED_LABEL));
    }
}
