package dev.lbctl.status;

import dev.lbctl.config.ConfigStyle;
import dev.lbctl.metallb.MemberlistSecret;
import dev.lbctl.pool.MetalLbVersion;
import java.util.Optional;

/**
 * What lbctl found of MetalLB itself.
 *
 * @param namespace where the controller runs; {@code metallb-system} when MetalLB was not found
 * @param version from the controller's image tag; empty when the tag is not a version (e.g. {@code main})
 * @param configStyle empty when MetalLB is not installed
 * @param configMap the ConfigMap the controller reads (its {@code --config} flag), for the ConfigMap style only
 * @param controller empty when no MetalLB controller Deployment was found: MetalLB is not installed
 * @param speaker empty when the controller's namespace has no speaker DaemonSet
 * @param memberlistSecret the name of the Secret the speakers need ({@code memberlist} unless the controller says otherwise)
 * @param webhookService the admission webhook's Service (v0.13 and later); empty for the ConfigMap style or when missing
 * @param webhookEndpoints whether that Service has a ready endpoint; empty for the ConfigMap style
 */
public record MetalLbStatus(
        String namespace,
        Optional<MetalLbVersion> version,
        Optional<ConfigStyle> configStyle,
        Optional<String> configMap,
        Optional<WorkloadStatus> controller,
        Optional<WorkloadStatus> speaker,
        String memberlistSecret,
        boolean memberlistSecretPresent,
        Optional<String> webhookService,
        Optional<Boolean> webhookEndpoints) {

    /** The namespace the upstream manifests install into, where lbctl looks first. */
    public static final String DEFAULT_NAMESPACE = "metallb-system";

    public static MetalLbStatus notInstalled() {
        return new MetalLbStatus(DEFAULT_NAMESPACE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), MemberlistSecret.NAME, false, Optional.empty(), Optional.empty());
    }

    public boolean installed() {
        return controller.isPresent();
    }

    /** Installed, and both the controller and the speakers are ready. */
    public boolean ready() {
        return controller.map(WorkloadStatus::isReady).orElse(false) && speaker.map(WorkloadStatus::isReady).orElse(false);
    }
}
