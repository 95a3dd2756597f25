package dev.lbctl.allocator;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which pool owns an address (MetalLB's {@code poolFor}), by one ordered lookup instead of a scan of every CIDR. */
final class AddressIndex {

    private record Owner(PackedIp lastIp, PoolState pool) {
    }

    private final TreeMap<PackedIp, Owner> byFirstIp = new TreeMap<>();

    AddressIndex(List<PoolState> pools) {
        for (PoolState pool : pools) {
            for (PoolSegment segment : pool.segments()) {
                Map.Entry<PackedIp, Owner> before = byFirstIp.floorEntry(segment.lastIp());
                if (before != null && before.getValue().lastIp().compareTo(segment.firstIp()) >= 0) {
                    // MetalLB rejects such a configuration; with it, poolFor would depend on Go's map order.
                    throw new IllegalArgumentException("pools " + before.getValue().pool().name() + " and " + pool.name()
                            + " overlap; validate the configuration before simulating");
                }
                byFirstIp.put(segment.firstIp(), new Owner(segment.lastIp(), pool));
            }
        }
    }

    /** The pool that may hand out {@code ip}, or null (outside every pool, or a .0/.255 avoided by its pool). */
    PoolState poolOf(PackedIp ip) {
        Map.Entry<PackedIp, Owner> entry = byFirstIp.floorEntry(ip);
        if (entry == null || entry.getValue().lastIp().compareTo(ip) < 0) {
            return null;
        }
        PoolState pool = entry.getValue().pool();
        return pool.numbering().excludes(ip) ? null : pool;
    }

    /** The one pool that owns every IP in {@code ips}, or null. */
    PoolState poolOf(List<PackedIp> ips) {
        PoolState pool = poolOf(ips.get(0));
        for (PackedIp ip : ips) {
            if (pool == null || poolOf(ip) != pool) {
                return null;
            }
        }
        return pool;
    }
}
