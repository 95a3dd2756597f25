package dev.lbctl.allocator;

import dev.lbctl.pool.IpFamily;

/**
 * A run of a pool's usable addresses that MetalLB walks without interruption: one CIDR, or several consecutive
 * entries of the pool's CIDR list that continue each other. Bounds are inclusive, in slots and in addresses.
 */
record PoolSegment(IpFamily family, PackedIp firstSlot, PackedIp lastSlot, PackedIp firstIp, PackedIp lastIp) {

    boolean containsSlot(PackedIp slot) {
        return slot != null && slot.compareTo(firstSlot) >= 0 && slot.compareTo(lastSlot) <= 0;
    }

    /** This segment followed by {@code next}, when {@code next} starts at the slot right after this one ends. */
    PoolSegment extendedBy(PoolSegment next) {
        if (next.family != family || !next.firstSlot.equals(lastSlot.next())) {
            return null;
        }
        return new PoolSegment(family, firstSlot, next.lastSlot, firstIp, next.lastIp);
    }
}
