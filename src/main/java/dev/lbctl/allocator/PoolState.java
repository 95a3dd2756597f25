package dev.lbctl.allocator;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpFamily;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.ServiceAllocation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One address pool during a simulation: its walk order, its taken addresses, and its {@code serviceAllocation}
 * resolved the way MetalLB's config loader resolves it.
 */
final class PoolState {

    private final AddressPool pool;
    private final SlotNumbering numbering;
    private final List<PoolSegment> segments;
    private final Map<IpFamily, TakenSlots> taken = new EnumMap<>(IpFamily.class);
    /** The explicit namespaces plus those whose labels match a namespaceSelector (MetalLB evaluates these once). */
    private final Set<String> allocationNamespaces;
    private final List<LabelSelector> allocationServiceSelectors;

    PoolState(AddressPool pool, Map<String, Map<String, String>> namespaceLabels) {
        this.pool = pool;
        this.numbering = SlotNumbering.forPool(pool.avoidBuggyIps());
        this.segments = segments(pool.cidrs(), numbering);
        for (IpFamily family : IpFamily.values()) {
            taken.put(family, new TakenSlots());
        }
        ServiceAllocation allocation = pool.serviceAllocation().orElse(null);
        this.allocationNamespaces = allocation == null ? Set.of() : namespaces(allocation, namespaceLabels);
        this.allocationServiceSelectors = allocation == null ? List.of() : serviceSelectors(allocation);
    }

    private static List<PoolSegment> segments(List<Cidr> cidrs, SlotNumbering numbering) {
        List<PoolSegment> out = new ArrayList<>();
        for (Cidr cidr : cidrs) {
            PackedIp first = numbering.usableAtOrAfter(PackedIp.of(cidr.first()));
            PackedIp last = numbering.usableAtOrBefore(PackedIp.of(cidr.last()));
            if (first == null || last == null || first.compareTo(last) > 0) {
                continue; // e.g. x.y.z.0/32 with avoidBuggyIPs: nothing usable
            }
            PoolSegment segment = new PoolSegment(cidr.family(), numbering.slotOf(first), numbering.slotOf(last), first, last);
            PoolSegment merged = out.isEmpty() ? null : out.get(out.size() - 1).extendedBy(segment);
            if (merged != null) {
                out.set(out.size() - 1, merged);
            } else {
                out.add(segment);
            }
        }
        return List.copyOf(out);
    }

    private static Set<String> namespaces(ServiceAllocation allocation, Map<String, Map<String, String>> namespaceLabels) {
        Set<String> out = new HashSet<>(allocation.namespaces());
        namespaceLabels.forEach((namespace, labels) -> {
            if (allocation.namespaceSelectors().stream().anyMatch(s -> s.matches(labels))) {
                out.add(namespace);
            }
        });
        return Set.copyOf(out);
    }

    /** Since v0.15.0 (PR 2714) a serviceAllocation that only sets a priority selects every service. */
    private static List<LabelSelector> serviceSelectors(ServiceAllocation allocation) {
        boolean priorityOnly = allocation.namespaces().isEmpty() && allocation.namespaceSelectors().isEmpty()
                && allocation.serviceSelectors().isEmpty();
        return priorityOnly ? List.of(LabelSelector.everything()) : allocation.serviceSelectors();
    }

    String name() {
        return pool.name();
    }

    boolean autoAssign() {
        return pool.autoAssign();
    }

    boolean hasServiceAllocation() {
        return pool.serviceAllocation().isPresent();
    }

    /** {@code serviceAllocation.priority}; 0 (unset) is the lowest priority. */
    int priority() {
        return pool.serviceAllocation().map(ServiceAllocation::priority).orElse(0);
    }

    List<PoolSegment> segments() {
        return segments;
    }

    SlotNumbering numbering() {
        return numbering;
    }

    /** Whether MetalLB's {@code ByNamespace[namespace]} lists this pool. */
    boolean pinnedToNamespace(String namespace) {
        return pool.serviceAllocation().isPresent() && allocationNamespaces.contains(namespace);
    }

    /** Whether MetalLB's {@code ByServiceSelector} lists this pool ({@code serviceAllocation: {}} included). */
    boolean hasServiceSelectors() {
        return !allocationServiceSelectors.isEmpty();
    }

    /** MetalLB's {@code isPoolCompatibleWithService}. */
    boolean compatibleWith(String namespace, Map<String, String> labels) {
        if (!allocationNamespaces.isEmpty() && !allocationNamespaces.contains(namespace)) {
            return false;
        }
        return allocationServiceSelectors.isEmpty() || allocationServiceSelectors.stream().anyMatch(s -> s.matches(labels));
    }

    /**
     * MetalLB's {@code getIPFromCIDR} over the whole pool for one family: the first address in walk order that is
     * free, or already used by services that the claimant may share with. Walking is per segment, and each segment
     * costs one taken-range lookup and one sharing lookup.
     */
    PackedIp firstAvailable(IpFamily family, ServiceClaim claimant, SharingIndex sharing) {
        TakenSlots familyTaken = taken.get(family);
        for (PoolSegment segment : segments) {
            if (segment.family() != family) {
                continue;
            }
            PackedIp freeSlot = familyTaken.firstFreeAtOrAfter(segment.firstSlot());
            PackedIp free = segment.containsSlot(freeSlot) ? numbering.addressOf(freeSlot) : null;
            PackedIp shared = sharing.lowestShareable(name(), claimant, segment.firstIp(), free != null ? free : segment.lastIp());
            PackedIp first = PackedIp.min(free, shared);
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    void take(PackedIp ip) {
        taken.get(ip.family()).take(numbering.slotOf(ip));
    }

    void release(PackedIp ip) {
        taken.get(ip.family()).release(numbering.slotOf(ip));
    }
}
