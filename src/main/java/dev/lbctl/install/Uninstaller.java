package dev.lbctl.install;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.Fields;
import dev.lbctl.cluster.ServedKind;
import dev.lbctl.i18n.Messages;
import dev.lbctl.i18n.Sentence;
import dev.lbctl.inventory.ApplySet;
import dev.lbctl.inventory.ForeignObjects;
import dev.lbctl.inventory.Inventory;
import dev.lbctl.inventory.Members;
import dev.lbctl.inventory.ObjectRef;
import dev.lbctl.inventory.ServedKinds;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.MetalLbRelease;
import dev.lbctl.report.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Removes what lbctl created, as its inventory lists it: no manifests and no network are needed. {@link #plan()} reads
 * everything and decides; {@link #execute} only deletes. The namespace and each CRD are deleted only when nothing of
 * anyone else's lives in them (deleting a namespace deletes its objects, and deleting a CRD deletes every object of its
 * kind in the cluster); otherwise they are kept, listed with what kept them.
 */
public final class Uninstaller {

    /** Configuration first (advertisements before the pools they name), so no pool is left half-announced. */
    private static final List<String> CONFIG_ORDER = List.of("L2Advertisement", "BGPAdvertisement", "IPAddressPool",
            "BGPPeer", "Community", "BFDProfile");
    private static final Set<String> WEBHOOK_KINDS = Set.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");
    private static final int EXAMPLES = 5;
    private static final String PRE_INVENTORY_ANNOTATION = "lbctl.dev/metallb-release";

    private final Cluster cluster;
    private final Progress progress;
    private final ApplySet applySet = new ApplySet(MetalLbRelease.NAMESPACE);

    public Uninstaller(Cluster cluster, Progress progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    /** What uninstall removed and kept. */
    public record Result(Optional<String> release, List<String> removed, List<UninstallPlan.Kept> kept, boolean metallbKept) {
        public Result {
            removed = List.copyOf(removed);
            kept = List.copyOf(kept);
        }
    }

    public UninstallPlan plan() {
        ServedKinds served = progress.step(Messages.get("install.step.servedKinds"), () -> new ServedKinds(cluster.servedKinds()));
        Members members = new Members(cluster, applySet, served);
        Optional<Inventory> inventory = progress.step(Messages.get("uninstall.step.inventory"), members::inventory);
        if (inventory.isEmpty()) {
            Optional<Map<String, Object>> ns = cluster.get("v1", "Namespace", null, MetalLbRelease.NAMESPACE);
            // lbctl 0.1 recorded its release in this annotation and kept no inventory: say how to give it one.
            ns.map(n -> Fields.string(Fields.map(Fields.map(n, "metadata"), "annotations"), PRE_INVENTORY_ANNOTATION))
                    .ifPresent(release -> progress.warn(Messages.get("uninstall.warn.noInventory", release)));
            return new UninstallPlan(Optional.empty(), List.of(), Optional.empty(), List.of(), ns.isPresent());
        }
        List<Map<String, Object>> owned = progress.step(Messages.get("uninstall.step.list"), () -> members.list(inventory.get().groupKinds()));
        ObjectRef namespace = new ObjectRef("", "Namespace", "", MetalLbRelease.NAMESPACE);
        boolean ownsNamespace = owned.stream().anyMatch(o -> ObjectRef.of(o).equals(namespace));

        List<UninstallPlan.Kept> kept = new ArrayList<>();
        Optional<UninstallPlan.LegacyConfigEdit> legacy = legacyConfigEdit(inventory.get());
        ObjectRef legacyRef = new ObjectRef("", "ConfigMap", MetalLbRelease.NAMESPACE, LegacyPoolConfig.CONFIG_MAP_NAME);
        boolean legacyStays = legacy.map(edit -> LegacyPoolConfig.configuresAnything(edit.text())).orElse(false);
        if (!legacyStays && owned.stream().anyMatch(o -> ObjectRef.of(o).equals(legacyRef))) {
            legacy = Optional.empty(); // lbctl's own ConfigMap, about to be deleted: no need to edit it first
        }
        List<ObjectRef> foreignInNamespace = new ArrayList<>();
        if (ownsNamespace) {
            foreignInNamespace.addAll(progress.step(Messages.get("uninstall.step.foreign", MetalLbRelease.NAMESPACE),
                    () -> foreignIn(MetalLbRelease.NAMESPACE, served)));
            if (legacyStays && owned.stream().anyMatch(o -> ObjectRef.of(o).equals(legacyRef))) {
                foreignInNamespace.add(legacyRef);
            }
        }
        boolean deleteNamespace = ownsNamespace && foreignInNamespace.isEmpty();
        if (ownsNamespace && !deleteNamespace) {
            kept.add(new UninstallPlan.Kept(namespace, Sentence.of("uninstall.keep.namespace", examples(foreignInNamespace)),
                    "kubectl delete namespace " + MetalLbRelease.NAMESPACE + "   # deletes those objects too"));
        }

        List<UninstallPlan.Deletion> deletions = new ArrayList<>();
        List<Map<String, Object>> sorted = new ArrayList<>(owned);
        sorted.sort(Comparator.comparingInt(Uninstaller::rank));
        for (Map<String, Object> object : sorted) {
            ObjectRef ref = ObjectRef.of(object);
            String apiVersion = String.valueOf(object.get("apiVersion"));
            if (ref.equals(namespace) || ref.equals(legacyRef) && legacyStays) {
                continue;
            }
            if (ref.kind().equals("CustomResourceDefinition")) {
                List<ObjectRef> foreign = foreignInstances(object, served);
                if (!foreign.isEmpty()) {
                    kept.add(new UninstallPlan.Kept(ref, Sentence.of("uninstall.keep.crd", examples(foreign)),
                            ref.kubectlDelete() + "   # deletes every object of its kind"));
                    continue;
                }
            }
            if (deleteNamespace && !ref.clusterScoped() && ref.namespace().equals(MetalLbRelease.NAMESPACE)
                    && !OwnershipCheck.CONFIG_KINDS.contains(ref.kind())) {
                continue; // goes with the namespace
            }
            deletions.add(new UninstallPlan.Deletion(ref, apiVersion, false));
        }
        if (deleteNamespace) {
            deletions.add(new UninstallPlan.Deletion(namespace, "v1", true));
        } else {
            // The inventory goes last, so an interrupted uninstall can be run again.
            deletions.add(new UninstallPlan.Deletion(applySet.parent(), "v1", false));
        }
        return new UninstallPlan(inventory.get().release(), deletions, legacy, kept, !inventory.get().installedMetalLb());
    }

    public Result execute(UninstallPlan plan, Duration timeout) {
        List<String> removed = new ArrayList<>();
        plan.legacyConfig().ifPresent(edit -> {
            progress.step(Messages.get(edit.restoresOriginal() ? "uninstall.step.restore" : "uninstall.step.removePools",
                    edit.namespace() + "/" + edit.name()), () -> {
                ConfigMapSnapshot cm = cluster.configMap(edit.namespace(), edit.name()).orElseThrow();
                Map<String, String> data = new HashMap<>(cm.data());
                data.put(LegacyPoolConfig.DATA_KEY, edit.text());
                Map<String, String> annotations = new HashMap<>(cm.annotations());
                LegacyPoolConfig.ANNOTATIONS.forEach(annotations::remove);
                return cluster.updateConfigMap(cm.withData(data, annotations));
            });
            removed.add("lbctl's pools in ConfigMap " + edit.namespace() + "/" + edit.name());
        });
        for (UninstallPlan.Deletion d : plan.deletions()) {
            ObjectRef ref = d.object();
            String ns = ref.clusterScoped() ? null : ref.namespace();
            if (d.waitUntilGone()) {
                progress.step(Messages.get("uninstall.step.deleteAndWait", ref.describe()), () -> {
                    cluster.delete(d.apiVersion(), ref.kind(), ns, ref.name());
                    return cluster.await(d.apiVersion(), ref.kind(), ns, ref.name(), Optional::isEmpty,
                            Messages.get("await.deleted", ref.describe()), timeout);
                });
            } else {
                progress.step(Messages.get("uninstall.step.delete", ref.describe()), () -> cluster.delete(d.apiVersion(), ref.kind(), ns, ref.name()));
            }
            if (!ref.equals(applySet.parent())) {
                removed.add(ref.describe());
            }
        }
        plan.kept().forEach(k -> progress.warn(Messages.get("uninstall.keptWarning", k.object().describe(), k.reason(), k.command())));
        return new Result(plan.release(), removed, plan.kept(), plan.metallbKept());
    }

    private static int rank(Map<String, Object> object) {
        String kind = String.valueOf(object.get("kind"));
        int config = CONFIG_ORDER.indexOf(kind);
        if (config >= 0) {
            return config;
        }
        if (WEBHOOK_KINDS.contains(kind)) {
            return 10;
        }
        if (kind.equals("CustomResourceDefinition")) {
            return 30;
        }
        return Fields.namespace(object) == null ? 40 : 20;
    }

    private List<ObjectRef> foreignIn(String namespace, ServedKinds served) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (ServedKind kind : served.namespacedHoldingData()) {
            objects.addAll(cluster.list(kind, namespace, null));
        }
        return ForeignObjects.among(objects, applySet).stream().map(ObjectRef::of).sorted().toList();
    }

    /** Objects of the CRD's kind, anywhere in the cluster, that are someone else's. */
    private List<ObjectRef> foreignInstances(Map<String, Object> crd, ServedKinds served) {
        Map<String, Object> spec = Fields.map(crd, "spec");
        String groupKind = Fields.string(Fields.map(spec, "names"), "kind") + "." + Fields.string(spec, "group");
        Optional<ServedKind> kind = served.find(groupKind);
        if (kind.isEmpty()) {
            return List.of();
        }
        return ForeignObjects.among(cluster.list(kind.get(), null, null), applySet).stream()
                .map(ObjectRef::of).sorted().toList();
    }

    /**
     * On a ConfigMap release, lbctl's pools, peers and community aliases are entries in ConfigMap {@code config}
     * (its annotations say which). Without them, the text goes back to
     * the user's own text from before lbctl's first install when it means the same (so comments and layout come back
     * too); otherwise only lbctl's entries are removed.
     */
    private Optional<UninstallPlan.LegacyConfigEdit> legacyConfigEdit(Inventory inventory) {
        Optional<ConfigMapSnapshot> cm = cluster.configMap(MetalLbRelease.NAMESPACE, LegacyPoolConfig.CONFIG_MAP_NAME);
        if (cm.isEmpty() || !cm.get().annotations().containsKey(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)) {
            return Optional.empty();
        }
        String without = LegacyPoolConfig.withoutManagedEntries(Optional.ofNullable(cm.get().data().get(LegacyPoolConfig.DATA_KEY)),
                LegacyPoolConfig.Owned.of(cm.get().annotations())).configText();
        Optional<String> original = inventory.legacyConfigBefore().filter(before -> LegacyPoolConfig.sameConfiguration(before, without));
        return Optional.of(new UninstallPlan.LegacyConfigEdit(MetalLbRelease.NAMESPACE, LegacyPoolConfig.CONFIG_MAP_NAME,
                original.orElse(without), original.isPresent()));
    }

    private static String examples(List<ObjectRef> objects) {
        String shown = objects.stream().limit(EXAMPLES).map(ObjectRef::describe).collect(Collectors.joining(", "));
        return objects.size() > EXAMPLES ? shown + " and " + (objects.size() - EXAMPLES) + " more" : shown;
    }
}
