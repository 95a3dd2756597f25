package dev.lbctl.allocator;

import dev.lbctl.pool.IpFamily;
import java.util.List;

/**
 * The first available IPv4 and IPv6 address of one pool for one service (MetalLB's {@code Allocation}), either
 * possibly null, and MetalLB's rule for turning them into the service's IPs.
 */
record PoolOffer(PoolState pool, PackedIp ipv4, PackedIp ipv6) {

    /** An offer of one family only. */
    static PoolOffer of(PoolState pool, IpFamily family, PackedIp ip) {
        return family == IpFamily.IPV4 ? new PoolOffer(pool, ip, null) : new PoolOffer(pool, null, ip);
    }

    PackedIp forFamily(IpFamily family) {
        return family == IpFamily.IPV4 ? ipv4 : ipv6;
    }

    boolean hasBoth() {
        return ipv4 != null && ipv6 != null;
    }

    /**
     * MetalLB's {@code selectIPsForFamilyAndPolicy}: a single-stack service gets its family's IP (since v0.15 even
     * from a dual pool); a dual-stack one gets both, or for PreferDualStack whichever exists, IPv4 first.
     */
    List<PackedIp> select(ServiceFamily family, String familyPolicy) throws AllocationError {
        if (family != ServiceFamily.DUAL) {
            PackedIp ip = forFamily(family.single());
            if (ip == null) {
                // v0.16.0 (PR 2891) names the pool here; before, MetalLB failed later with ["<nil>"] is not allowed.
                throw new AllocationError("no available IPs in pool " + pool.name());
            }
            return List.of(ip);
        }
        if (hasBoth() && !ServiceClaim.SINGLE_STACK.equals(familyPolicy)) {
            return List.of(ipv4, ipv6);
        }
        if (ServiceClaim.PREFER_DUAL_STACK.equals(familyPolicy) && (ipv4 != null || ipv6 != null)) {
            return List.of(ipv4 != null ? ipv4 : ipv6);
        }
        throw new AllocationError("no available IPs in pool " + pool.name() + " for " + family + " IPFamily");
    }
}
