package dev.lbctl.install;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.Fields;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.ManifestObject;
import dev.lbctl.metallb.ManifestSource;
import dev.lbctl.metallb.Manifests;
import dev.lbctl.metallb.MetalLbRelease;
import dev.lbctl.metallb.PoolObjects;
import dev.lbctl.metallb.ReleaseCatalog;
import dev.lbctl.report.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes what install created, configuration first so that no pool is left pointing at a half-removed MetalLB: lbctl's
 * pools (resources labelled managed-by=lbctl, or lbctl's pools in the ConfigMap, keeping everyone else's), then the
 * release's cluster-scoped objects, the namespace (waiting, by watch, until it is gone) and the CRDs. A MetalLB that
 * lbctl did not install keeps running; only lbctl's pools are removed from it.
 */
public final class Uninstaller {

    /** MetalLB resource kinds that may carry lbctl's label. */
    private static final List<String> CONFIG_KINDS = List.of("L2Advertisement", "BGPAdvertisement", "IPAddressPool",
            "BGPPeer", "Community", "BFDProfile");

    private final Cluster cluster;
    private final Progress progress;

    public Uninstaller(Cluster cluster, Progress progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    /** What uninstall found and removed. */
    public record Result(Optional<String> release, List<String> removed, boolean metallbKept) {
        public Result {
            removed = List.copyOf(removed);
        }
    }

    /** The release lbctl installed here, from the namespace annotation install wrote; empty when lbctl did not install one. */
    public Optional<MetalLbRelease> installedRelease() {
        return cluster.get("v1", "Namespace", null, MetalLbRelease.NAMESPACE)
                .map(ns -> Fields.string(Fields.map(Fields.map(ns, "metadata"), "annotations"), Installer.RELEASE_ANNOTATION))
                .map(ReleaseCatalog::find);
    }

    public Result uninstall(ManifestSource manifests, Duration timeout) {
        List<String> removed = new ArrayList<>();
        removeConfiguration(removed);
        Optional<MetalLbRelease> release = installedRelease();
        if (release.isEmpty()) {
            boolean present = cluster.get("v1", "Namespace", null, MetalLbRelease.NAMESPACE).isPresent();
            if (present) {
                progress.warn("MetalLB in " + MetalLbRelease.NAMESPACE + " was not installed by lbctl, so only lbctl's pools"
                        + " were removed; MetalLB itself keeps running");
            }
            return new Result(Optional.empty(), removed, present);
        }
        List<ManifestObject> objects = progress.step("Reading MetalLB " + release.get().tag() + " manifests (sha256 verified)",
                () -> Manifests.load(release.get(), manifests).objects());
        List<ManifestObject> reversed = new ArrayList<>(objects);
        java.util.Collections.reverse(reversed);
        List<ManifestObject> crds = new ArrayList<>();
        for (ManifestObject o : reversed) {
            if (o.kind().equals("CustomResourceDefinition")) {
                crds.add(o);
            } else if (o.namespace().isEmpty() && !o.kind().equals("Namespace")) {
                deleteIfServed(o, removed);
            }
        }
        progress.step("Deleting namespace " + MetalLbRelease.NAMESPACE + " and waiting until it is gone", () -> {
            if (cluster.delete("v1", "Namespace", null, MetalLbRelease.NAMESPACE)) {
                removed.add("Namespace " + MetalLbRelease.NAMESPACE);
            }
            cluster.await("v1", "Namespace", null, MetalLbRelease.NAMESPACE, Optional::isEmpty,
                    "namespace " + MetalLbRelease.NAMESPACE + " to be deleted", timeout);
        });
        progress.step("Deleting " + crds.size() + " CRDs", () -> crds.forEach(crd -> deleteIfServed(crd, removed)));
        return new Result(Optional.of(release.get().tag()), removed, false);
    }

    private void deleteIfServed(ManifestObject o, List<String> removed) {
        if (cluster.serves(o.apiVersion(), o.kind()) && cluster.delete(o.apiVersion(), o.kind(), o.namespace().orElse(null), o.name())) {
            removed.add(o.describe());
        }
    }

    /** lbctl's pools go first: resources with lbctl's label (v0.13+), or lbctl's entries in the ConfigMap (v0.9-v0.12). */
    private void removeConfiguration(List<String> removed) {
        for (String kind : CONFIG_KINDS) {
            if (!cluster.serves("metallb.io/v1beta1", kind)) {
                continue;
            }
            for (Map<String, Object> r : cluster.list("metallb.io/v1beta1", kind, MetalLbRelease.NAMESPACE)) {
                Map<String, Object> labels = Fields.map(Fields.map(r, "metadata"), "labels");
                if (PoolObjects.MANAGED_BY_VALUE.equals(labels.get(PoolObjects.MANAGED_BY_LABEL))) {
                    progress.step("Deleting " + kind + " " + MetalLbRelease.NAMESPACE + "/" + Fields.name(r),
                            () -> cluster.delete("metallb.io/v1beta1", kind, MetalLbRelease.NAMESPACE, Fields.name(r)));
                    removed.add(kind + " " + MetalLbRelease.NAMESPACE + "/" + Fields.name(r));
                }
            }
        }
        Optional<ConfigMapSnapshot> cm = cluster.configMap(MetalLbRelease.NAMESPACE, LegacyPoolConfig.CONFIG_MAP_NAME);
        if (cm.isEmpty() || !cm.get().annotations().containsKey(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)) {
            return;
        }
        LegacyPoolConfig.Update update = LegacyPoolConfig.withoutManagedPools(
                Optional.ofNullable(cm.get().data().get(LegacyPoolConfig.DATA_KEY)),
                LegacyPoolConfig.managedPools(Optional.of(cm.get().annotations().get(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION))));
        Map<String, String> data = new HashMap<>(cm.get().data());
        data.put(LegacyPoolConfig.DATA_KEY, update.configText());
        Map<String, String> annotations = new HashMap<>(cm.get().annotations());
        annotations.remove(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION);
        progress.step("Removing lbctl's pools from ConfigMap " + MetalLbRelease.NAMESPACE + "/" + LegacyPoolConfig.CONFIG_MAP_NAME,
                () -> cluster.updateConfigMap(cm.get().withData(data, annotations)));
        removed.add("lbctl's pools in ConfigMap " + MetalLbRelease.NAMESPACE + "/" + LegacyPoolConfig.CONFIG_MAP_NAME);
    }
}
