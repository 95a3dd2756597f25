package dev.lbctl.metallb;

import dev.lbctl.config.ConfigStyle;
import dev.lbctl.pool.MetalLbVersion;
import java.util.List;
import java.util.Optional;

/**
 * What lbctl needs to know about one MetalLB release to install and verify it.
 *
 * @param files the upstream manifests in the order they are applied
 * @param lbctlCreatesMemberlistSecret true where the speakers need Secret {@code memberlist} and nothing else creates it
 *     (v0.9.x); from v0.10 the controller creates it
 * @param webhook the validating webhook's objects; empty for ConfigMap releases, which have none
 * @param annotationPrefix the prefix of the Service annotations this release reads ({@code metallb.io} from v0.14.9,
 *     which still reads but warns about {@code metallb.universe.tf})
 */
public record MetalLbRelease(MetalLbVersion version, List<ReleaseFile> files, boolean lbctlCreatesMemberlistSecret,
        String controllerDeployment, String speakerDaemonSet, Optional<WebhookNames> webhook, String annotationPrefix) {

    /** Every release installs into this namespace; the upstream manifests hard-code it. */
    public static final String NAMESPACE = "metallb-system";

    public MetalLbRelease {
        files = List.copyOf(files);
    }

    /** The git tag, e.g. v0.16.1. */
    public String tag() {
        return version.toString();
    }

    public ConfigStyle configStyle() {
        return version.usesConfigMap() ? ConfigStyle.LEGACY_CONFIGMAP : ConfigStyle.CRD;
    }

    public String namespace() {
        return NAMESPACE;
    }
}
