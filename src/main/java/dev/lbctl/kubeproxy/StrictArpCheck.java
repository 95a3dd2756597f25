package dev.lbctl.kubeproxy;

import dev.lbctl.i18n.Messages;
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
            return StrictArpResult.notNeeded(Messages.get("strictarp.reason.noConfigMap"));
        }
        KubeProxyConfigText config = KubeProxyConfigText.parse(configText.get());
        return switch (config.mode()) {
            case DEFAULT -> StrictArpResult.notNeeded(Messages.get("strictarp.reason.defaultMode"));
            case IPTABLES, NFTABLES -> StrictArpResult.notNeeded(
                    Messages.get("strictarp.reason.otherMode", config.mode().configValue()));
            case KERNELSPACE -> StrictArpResult.notNeeded(Messages.get("strictarp.reason.kernelspace"));
            case IPVS -> evaluateIpvs(config);
        };
    }

    private static StrictArpResult evaluateIpvs(KubeProxyConfigText config) {
        if (config.strictArp() == StrictArpValue.ENABLED) {
            return StrictArpResult.ok(Messages.get("strictarp.reason.ok"));
        }
        String patched = StrictArpPatch.enable(config.text());
        String reason = Messages.get(config.strictArp() == StrictArpValue.DISABLED
                ? "strictarp.reason.needsChange.false" : "strictarp.reason.needsChange.unset");
        return StrictArpResult.needsChange(reason,
                patched, UnifiedDiff.of(config.text(), patched, LIVE_LABEL, PATCHED_LABEL));
    }
}
