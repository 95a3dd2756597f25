package dev.lbctl.status;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.Fields;
import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one reader of MetalLB's configuration in a cluster — its pool and advertisement resources (v0.13+), or the
 * {@code config} text of its ConfigMap (v0.9–v0.12) — for status, verify and doctor alike.
 *
 * @param source how messages name what was read
 * @param resources the configuration resources as the API server returned them (empty for a ConfigMap release)
 * @param legacyText the ConfigMap's {@code config} text; empty when there is no such ConfigMap or key
 * @param crdsServed whether the server serves MetalLB's IPAddressPool kind (false: the CRDs are not installed)
 * @param configMapExists whether the ConfigMap a ConfigMap release reads exists
 */
public record MetalLbConfiguration(ConfigStyle style, String source, List<Map<String, Object>> resources,
                                   Optional<String> legacyText, boolean crdsServed, boolean configMapExists) {

    static final String METALLB_API = "metallb.io/v1beta1";
    private static final String PEER_API = "metallb.io/v1beta2";

    public MetalLbConfiguration {
        resources = List.copyOf(resources);
    }

    public static MetalLbConfiguration read(Cluster cluster, MetalLbStatus metallb) {
        String namespace = metallb.namespace();
        if (metallb.configStyle().orElse(ConfigStyle.CRD) == ConfigStyle.LEGACY_CONFIGMAP) {
            String name = metallb.configMap().orElse("config");
            Optional<ConfigMapSnapshot> cm = cluster.configMap(namespace, name);
            return new MetalLbConfiguration(ConfigStyle.LEGACY_CONFIGMAP, "ConfigMap " + namespace + "/" + name, List.of(),
                    cm.map(c -> c.data().get("config")), false, cm.isPresent());
        }
        List<String> kinds = new ArrayList<>(List.of("IPAddressPool", "L2Advertisement", "BGPAdvertisement"));
        // The AddressPool kind (v0.13.0 to v0.14.2) still allocates where its CRD is installed.
        if (metallb.version().map(v -> v.below(0, 14, 3)).orElse(false)) {
            kinds.add(1, "AddressPool");
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (String kind : kinds) {
            resources.addAll(cluster.customObjects(METALLB_API, kind, namespace));
        }
        // BGPPeers in their newest served version: v1beta2 from v0.13.x on, v1beta1 before.
        String peerApi = cluster.serves(PEER_API, "BGPPeer") ? PEER_API : METALLB_API;
        resources.addAll(cluster.customObjects(peerApi, "BGPPeer", namespace));
        return new MetalLbConfiguration(ConfigStyle.CRD, "MetalLB's resources in " + namespace, resources, Optional.empty(),
                cluster.serves(METALLB_API, "IPAddressPool"), false);
    }

    /** The BGPPeer resources (CRD releases). */
    public List<Map<String, Object>> bgpPeerResources() {
        return resources.stream().filter(r -> "BGPPeer".equals(Fields.string(r, "kind"))).toList();
    }

    /** The pool resources (IPAddressPool, and AddressPool where it is read). */
    public List<Map<String, Object>> poolResources() {
        return resources.stream().filter(r -> List.of("IPAddressPool", "AddressPool").contains(Fields.string(r, "kind"))).toList();
    }

    /**
     * The configuration as lbctl's config reader sees it (an empty one when there is none). Throws
     * {@link dev.lbctl.input.InvalidInputException} when MetalLB's own rules refuse it.
     */
    public MetalLbConfig parse() {
        if (style == ConfigStyle.LEGACY_CONFIGMAP) {
            return legacyText.filter(t -> !t.isBlank()).map(t -> ConfigFiles.read(t, source))
                    .orElse(MetalLbConfig.empty(ConfigStyle.LEGACY_CONFIGMAP));
        }
        if (resources.isEmpty()) {
            return MetalLbConfig.empty(ConfigStyle.CRD);
        }
        return ConfigFiles.read(Yaml.documents(resources.stream().map(r -> Fields.asWritten(r, "spec")).toList()), source);
    }

    /** The release whose rules read pools when the controller's image does not tell. */
    static MetalLbVersion fallbackVersion(ConfigStyle style) {
        return style == ConfigStyle.LEGACY_CONFIGMAP ? MetalLbConfig.LAST_CONFIGMAP_RELEASE : MetalLbVersion.LATEST;
    }
}
