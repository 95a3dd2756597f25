package dev.lbctl.install;

import dev.lbctl.i18n.Messages;
import dev.lbctl.inventory.ApplySet;
import dev.lbctl.cluster.Fields;
import dev.lbctl.inventory.ObjectRef;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Install's ownership decisions, made from what was read before the first write: each object install wants is created,
 * updated (it is lbctl's), taken over (it is someone else's and {@code --adopt} was given) or refused (someone else's);
 * lbctl's objects install no longer wants are pruned. The namespace and CRDs are never pruned here: deleting them would
 * take other people's objects with them, and only uninstall checks for those.
 */
final class OwnershipCheck {

    /** MetalLB's configuration kinds, the ones {@code --pools-only} writes and prunes. */
    static final Set<String> CONFIG_KINDS = Set.of("IPAddressPool", "L2Advertisement", "BGPAdvertisement", "BGPPeer",
            "Community", "BFDProfile");
    private static final Set<String> NEVER_PRUNED = Set.of("Namespace", "CustomResourceDefinition");

    /**
     * @param apply the objects to apply, labelled as members, in the order given
     * @param adopted existing objects of someone else's that {@code --adopt} takes over
     * @param conflicts one sentence per refusal; install stops before writing when there is any
     * @param prune lbctl's objects (as read) that install no longer wants, advertisements before pools
     * @param poolOrder lbctl's IPAddressPools in the order to apply them, each with the pools of lbctl's to delete just
     *     before it: MetalLB refuses two pools that overlap, so a renamed pool replaces its old self, and pools that
     *     trade ranges go in an order that frees each range before it is taken
     */
    record Decision(List<Map<String, Object>> apply, List<ObjectRef> adopted, List<String> conflicts,
                    List<Map<String, Object>> prune, List<PoolStep> poolOrder) {
    }

    /** @param deleteFirst lbctl's pools (as read) whose addresses this pool takes over */
    record PoolStep(Map<String, Object> pool, List<Map<String, Object>> deleteFirst) {
    }

    private OwnershipCheck() {
    }

    /**
     * @param manifest MetalLB's objects to install (empty with {@code --pools-only})
     * @param pools lbctl's pool resources (empty on a ConfigMap release)
     * @param writtenBesides objects install writes on its own (not applied from these lists) and so never prunes
     * @param existing what exists of those objects, as read
     * @param members lbctl's members, as read
     */
    static Decision decide(List<Map<String, Object>> manifest, List<Map<String, Object>> pools, Set<ObjectRef> writtenBesides,
                           Map<ObjectRef, Map<String, Object>> existing, List<Map<String, Object>> members,
                           ApplySet applySet, boolean adopt, boolean poolsOnly) {
        List<Map<String, Object>> apply = new ArrayList<>();
        List<ObjectRef> adopted = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<ObjectRef> foreignMetalLb = new ArrayList<>();
        for (Map<String, Object> object : manifest) {
            ObjectRef ref = ObjectRef.of(object);
            Map<String, Object> found = existing.get(ref);
            if (found != null && !applySet.isMember(found)) {
                if (!adopt) {
                    foreignMetalLb.add(ref);
                    continue;
                }
                adopted.add(ref);
            }
            apply.add(applySet.asMember(object));
        }
        if (!foreignMetalLb.isEmpty()) {
            conflicts.add(foreignMetalLbMessage(foreignMetalLb));
        }
        for (Map<String, Object> object : pools) {
            ObjectRef ref = ObjectRef.of(object);
            Map<String, Object> found = existing.get(ref);
            if (found != null && !applySet.isMember(found)) {
                if (!adopt) {
                    conflicts.add(Messages.get("install.foreignPool", ref.describe()));
                    continue;
                }
                adopted.add(ref);
            }
            apply.add(applySet.asMember(object));
        }
        Set<ObjectRef> wanted = apply.stream().map(ObjectRef::of).collect(Collectors.toCollection(java.util.HashSet::new));
        wanted.addAll(writtenBesides);
        List<Map<String, Object>> prune = members.stream()
                .filter(m -> !wanted.contains(ObjectRef.of(m)))
                .filter(m -> !NEVER_PRUNED.contains(ObjectRef.of(m).kind()))
                .filter(m -> !poolsOnly || CONFIG_KINDS.contains(ObjectRef.of(m).kind()))
                .sorted(java.util.Comparator.comparing(m -> ObjectRef.of(m).kind().equals("IPAddressPool")))
                .toList();
        List<Map<String, Object>> lbctlsPools = members.stream().filter(OwnershipCheck::isPool).toList();
        return new Decision(apply, adopted, conflicts, prune,
                poolOrder(apply.stream().filter(OwnershipCheck::isPool).toList(), lbctlsPools));
    }

    private static String foreignMetalLbMessage(List<ObjectRef> foreign) {
        if (foreign.size() == 1 && foreign.get(0).kind().equals("Namespace")) {
            return Messages.get("install.foreignNamespace", foreign.get(0).describe());
        }
        String examples = foreign.stream().limit(3).map(ObjectRef::describe).collect(Collectors.joining(", "));
        return Messages.get("install.foreignMetalLb", foreign.size(), examples);
    }

    /**
     * Orders the wanted pools so that none is applied while another pool of lbctl's still holds an overlapping range:
     * a pool goes once every overlapping pool has moved away (been applied with its new range) or is one lbctl no longer
     * wants (deleted just before). When pools trade ranges in a cycle, the one in the way is deleted first and created
     * again at its own turn.
     */
    private static List<PoolStep> poolOrder(List<Map<String, Object>> wanted, List<Map<String, Object>> existing) {
        Map<ObjectRef, List<String>> held = new LinkedHashMap<>();
        Map<ObjectRef, Map<String, Object>> existingByRef = new LinkedHashMap<>();
        existing.forEach(p -> {
            held.put(ObjectRef.of(p), addresses(p));
            existingByRef.put(ObjectRef.of(p), p);
        });
        Set<ObjectRef> wantedRefs = wanted.stream().map(ObjectRef::of).collect(Collectors.toSet());
        List<Map<String, Object>> pending = new ArrayList<>(wanted);
        List<PoolStep> order = new ArrayList<>();
        while (!pending.isEmpty()) {
            Map<String, Object> next = pending.stream()
                    .filter(p -> blockers(p, held).stream().noneMatch(b -> wantedRefs.contains(b) && isPending(b, pending)))
                    .findFirst().orElse(pending.get(0));
            pending.remove(next);
            List<Map<String, Object>> deleteFirst = new ArrayList<>();
            for (ObjectRef blocker : blockers(next, held)) {
                deleteFirst.add(existingByRef.get(blocker));
                held.remove(blocker);
            }
            held.put(ObjectRef.of(next), addresses(next));
            order.add(new PoolStep(next, deleteFirst));
        }
        return order;
    }

    private static boolean isPending(ObjectRef ref, List<Map<String, Object>> pending) {
        return pending.stream().anyMatch(p -> ObjectRef.of(p).equals(ref));
    }

    /** The pools of lbctl's, other than this one, that now hold addresses overlapping this pool's new ones. */
    private static List<ObjectRef> blockers(Map<String, Object> pool, Map<ObjectRef, List<String>> held) {
        ObjectRef self = ObjectRef.of(pool);
        List<String> mine = addresses(pool);
        return held.entrySet().stream().filter(e -> !e.getKey().equals(self) && overlap(e.getValue(), mine))
                .map(Map.Entry::getKey).toList();
    }

    private static boolean isPool(Map<String, Object> object) {
        return "IPAddressPool".equals(object.get("kind"));
    }

    private static List<String> addresses(Map<String, Object> pool) {
        return Fields.list(Fields.map(pool, "spec"), "addresses").stream()
                .map(String::valueOf).toList();
    }

    private static boolean overlap(List<String> a, List<String> b) {
        var left = a.stream().flatMap(text -> parse(text).stream()).toList();
        var right = b.stream().flatMap(text -> parse(text).stream()).toList();
        return left.stream().anyMatch(x -> right.stream().anyMatch(x::overlaps));
    }

    private static List<Cidr> parse(String text) {
        try {
            return MetalLbAddresses.parse(text, MetalLbVersion.LATEST);
        } catch (InvalidAddressException e) {
            return List.of();
        }
    }
}
