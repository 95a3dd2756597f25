package dev.lbctl.allocator;

import dev.lbctl.pool.IpFamily;
import java.util.List;

/**
 * The first available IPv4 and IPv6 address of one pool for one service (MetalLB's {@code Allocation}), either
 * possibly null, and MetalLB's rule for turning them into the service's IPs.
 */
record PoolOffer(PoolState pool, PackedIp ipv4, PackedIp ipv6) {

    /** How Go prints a nil {@code net.IP}, which MetalLB's messages then show. */
    static final String NIL = "<nil>";

    PackedIp forFamily(IpFamily family) {
        return family == IpFamily.IPV4 ? ipv4 : ipv6;
    }

    boolean hasBoth() {
        return ipv4 != null && ipv6 != null;
    }

    /**
     * MetalLB's {@code getFreeIPsFromPool} error: for a requested pool, a pool with no free address of either family
     * fails before any family is chosen. (This offer must then hold both families.)
     */
    PoolOffer requireAny() throws AllocationError {
        if (ipv4 == null && ipv6 == null) {
            throw new AllocationError("no available IPs in pool " + pool.name());
        }
        return this;
    }

    /**
     * MetalLB's {@code selectIPsForFamilyAndPolicy}: a single-stack service gets its family's IP (since v0.15 even
     * from a dual pool); a dual-stack one gets both, or for PreferDualStack whichever exists, IPv4 first.
     */
    List<PackedIp> select(ServiceFamily family, String familyPolicy) throws AllocationError {
        if (family != ServiceFamily.DUAL) {
            PackedIp ip = forFamily(family.single());
            if (ip == null) {
                // MetalLB v0.16.1 returns [nil] here (when the pool offered only the other family) and Assign refuses
                // it: an IPv4 Service from an IPv6-only pool fails with this, as seen on a real controller.
                throw new AllocationError(GoText.quotedList(List.of(NIL)) + " is not allowed in config");
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
