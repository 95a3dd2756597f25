package dev.lbctl.allocator;

import java.util.Map;
import java.util.TreeMap;

/**
 * The taken slots of one pool and family as disjoint, non-adjacent ranges. Finding the lowest free slot at or after a
 * point is one floor lookup, whatever the pool size: the slot after a range's end is free by construction.
 */
final class TakenSlots {

    /** First slot of each range to its last slot, inclusive. */
    private final TreeMap<PackedIp, PackedIp> ranges = new TreeMap<>();

    /** The lowest free slot at or after {@code from}; null when every slot from there to the family's end is taken. */
    PackedIp firstFreeAtOrAfter(PackedIp from) {
        Map.Entry<PackedIp, PackedIp> range = ranges.floorEntry(from);
        if (range == null || range.getValue().compareTo(from) < 0) {
            return from;
        }
        return range.getValue().next();
    }

    /** Marks a free slot taken, merging it with the ranges it touches. */
    void take(PackedIp slot) {
        PackedIp first = slot;
        PackedIp last = slot;
        Map.Entry<PackedIp, PackedIp> before = ranges.lowerEntry(slot);
        if (before != null && slot.equals(before.getValue().next())) {
            first = before.getKey();
        }
        PackedIp after = slot.next();
        if (after != null) {
            PackedIp afterLast = ranges.remove(after);
            if (afterLast != null) {
                last = afterLast;
            }
        }
        ranges.put(first, last);
    }

    /** Frees a taken slot, splitting its range. */
    void release(PackedIp slot) {
        Map.Entry<PackedIp, PackedIp> range = ranges.floorEntry(slot);
        ranges.remove(range.getKey());
        if (range.getKey().compareTo(slot) < 0) {
            ranges.put(range.getKey(), slot.previous());
        }
        if (slot.compareTo(range.getValue()) < 0) {
            ranges.put(slot.next(), range.getValue());
        }
    }

    /** How many ranges the taken slots form; a measure of the structure's size for tests. */
    int rangeCount() {
        return ranges.size();
    }
}
