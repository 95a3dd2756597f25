package dev.lbctl.allocator;

import dev.lbctl.pool.IpFamily;

/**
 * Numbers the addresses a pool may hand out without gaps, so that "taken" bookkeeping is a set of ranges and the
 * lowest free address is one range lookup.
 *
 * <p>With {@code avoidBuggyIPs}, MetalLB skips every IPv4 address ending in .0 or .255. Left in the numbering, those
 * addresses would split a full pool into one taken range per /24 and make a lookup walk them all; numbering only the
 * 254 usable addresses of each /24 keeps consecutive usable addresses consecutive. A slot is carried in a
 * {@link PackedIp} of the same family; for IPv6 and for pools without avoidBuggyIPs the slot is the address itself.
 */
enum SlotNumbering {
    EVERY_ADDRESS,
    SKIP_BUGGY_IPV4;

    private static final int USABLE_PER_24 = 254;

    static SlotNumbering forPool(boolean avoidBuggyIps) {
        return avoidBuggyIps ? SKIP_BUGGY_IPV4 : EVERY_ADDRESS;
    }

    private boolean renumbers(PackedIp ip) {
        return this == SKIP_BUGGY_IPV4 && ip.family() == IpFamily.IPV4;
    }

    /** MetalLB's {@code ipConfusesBuggyFirmwares}, when this numbering skips such addresses. */
    boolean excludes(PackedIp ip) {
        return renumbers(ip) && (ip.lastOctet() == 0 || ip.lastOctet() == 255);
    }

    /** The slot of a usable address (callers never pass an excluded one). */
    PackedIp slotOf(PackedIp ip) {
        if (!renumbers(ip)) {
            return ip;
        }
        return PackedIp.ipv4((ip.low() >>> 8) * USABLE_PER_24 + ip.lastOctet() - 1);
    }

    PackedIp addressOf(PackedIp slot) {
        if (!renumbers(slot)) {
            return slot;
        }
        long block = slot.low() / USABLE_PER_24;
        return PackedIp.ipv4((block << 8) | (slot.low() % USABLE_PER_24 + 1));
    }

    /** The first usable address at or after {@code ip}, or null if there is none in the family. */
    PackedIp usableAtOrAfter(PackedIp ip) {
        PackedIp candidate = ip;
        while (candidate != null && excludes(candidate)) {
            candidate = candidate.next();
        }
        return candidate;
    }

    /** The last usable address at or before {@code ip}, or null if there is none in the family. */
    PackedIp usableAtOrBefore(PackedIp ip) {
        PackedIp candidate = ip;
        while (candidate != null && excludes(candidate)) {
            candidate = candidate.previous();
        }
        return candidate;
    }
}
