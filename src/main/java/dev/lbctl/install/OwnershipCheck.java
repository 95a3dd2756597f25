package dev.lbctl.install;

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
import java.util.Optional;
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
     * @param pruneFirst pools to delete just before applying the named pool, because MetalLB refuses two pools that
     *     overlap (a renamed pool with the same range)
     */
    record Decision(List<Map<String, Object>> apply, List<ObjectRef> adopted, List<String> conflicts,
                    List<Map<String, Object>> prune, Map<ObjectRef, List<Map<String, Object>>> pruneFirst) {
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
                    conflicts.add(ref.describe() + " exists and lbctl did not create it: give lbctl's pool another name"
                            + " (--pool NAME=RANGE), or pass --adopt to take it over (lbctl then overwrites it and deletes it"
                            + " at uninstall).");
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
        return new Decision(apply, adopted, conflicts, prune, pruneFirst(pools, prune));
    }

    private static String foreignMetalLbMessage(List<ObjectRef> foreign) {
        if (foreign.size() == 1 && foreign.get(0).kind().equals("Namespace")) {
            return foreign.get(0).describe() + " exists and lbctl did not create it: delete it first, or pass --adopt to"
                    + " take it over (lbctl then deletes it at uninstall when nothing of anyone else's lives in it).";
        }
        String examples = foreign.stream().limit(3).map(ObjectRef::describe).collect(Collectors.joining(", "));
        return "MetalLB is already installed here and lbctl did not install it (" + foreign.size() + " of its objects exist,"
                + " e.g. " + examples + "): add lbctl's pools to it with --pools-only, or take it over with --adopt"
                + " (uninstall then removes it).";
    }

    /** For each wanted pool, the pruned pools whose addresses overlap it. */
    private static Map<ObjectRef, List<Map<String, Object>>> pruneFirst(List<Map<String, Object>> pools,
                                                                         List<Map<String, Object>> prune) {
        Map<ObjectRef, List<Map<String, Object>>> first = new LinkedHashMap<>();
        List<Map<String, Object>> oldPools = prune.stream().filter(OwnershipCheck::isPool).toList();
        for (Map<String, Object> pool : pools.stream().filter(OwnershipCheck::isPool).toList()) {
            List<Map<String, Object>> overlapping = oldPools.stream()
                    .filter(old -> first.values().stream().noneMatch(l -> l.contains(old)))
                    .filter(old -> overlap(addresses(old), addresses(pool)))
                    .toList();
            if (!overlapping.isEmpty()) {
                first.put(ObjectRef.of(pool), overlapping);
            }
        }
        return first;
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
