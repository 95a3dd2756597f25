package dev.lbctl.allocator;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.services.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MetalLB v0.16's {@code controller/service.go} for one Service: {@code convergeBalancer} (keep the current ingress
 * IPs while the configuration still allows them) and {@code allocateIPs} (requested IPs, then requested pool, then any
 * pool).
 */
final class BalancerController {

    private final Allocator allocator;

    BalancerController(Allocator allocator) {
        this.allocator = allocator;
    }

    Allocation converge(ServiceRequest service) {
        if (!service.isLoadBalancer()) {
            return Allocation.skipped(service, "not a LoadBalancer");
        }
        if (service.loadBalancerClass().isPresent()) {
            return Allocation.skipped(service, "loadBalancerClass " + GoQuote.q(service.loadBalancerClass().get())
                    + " is set, so MetalLB (without --lb-class) leaves the Service to another load balancer");
        }
        if (!allocator.hasPools()) {
            return Allocation.pending(service, "pools are empty");
        }
        try {
            return converge(ServiceClaim.of(service));
        } catch (AllocationError e) {
            return Allocation.pending(service, e.getMessage());
        }
    }

    private Allocation converge(ServiceClaim claim) {
        String key = claim.key();
        List<PackedIp> ips = ingressIps(claim);
        if (!ips.isEmpty() && familyChanged(claim, ips)) {
            ips = List.of();
        }
        if (!ips.isEmpty()) {
            try {
                allocator.assign(claim, ips);
            } catch (AllocationError e) {
                ips = clear(key); // MetalLB: ClearAssignment, then a fresh allocation below
            }
            Optional<String> desiredPool = claim.desiredPool();
            if (!ips.isEmpty() && desiredPool.isPresent() && !desiredPool.get().equals(allocator.poolOf(key))) {
                ips = clear(key);
            }
            ServiceClaim.DesiredIps desired;
            try {
                desired = claim.desiredIps();
            } catch (AllocationError e) {
                // MetalLB stops here without touching the status: whatever the allocator still holds stays.
                String reason = "invalid requested loadbalancer IPs: " + e.getMessage();
                return ips.isEmpty() ? Allocation.pending(claim.request(), reason)
                        : Allocation.assigned(claim.request(), ips, allocator.poolOf(key), reason);
            }
            if (!desired.ips().isEmpty() && !sameIps(ips, desired.ips())) {
                ips = clear(key);
            }
        }
        String note = null;
        if (ips.size() == 1 && claim.preferDualStack()) {
            Completed completed = addMissingFamily(claim, ips);
            ips = completed.ips();
            note = completed.note();
        }
        if (ips.isEmpty()) {
            try {
                ips = allocateIps(claim);
            } catch (AllocationError e) {
                return Allocation.pending(claim.request(), e.getMessage());
            }
            // MetalLB writes the new status, and that update brings the Service straight back to convergeBalancer,
            // now holding these IPs: the checks above pass (same IPs, pool and request), so a PreferDualStack Service
            // with one IP gets the additional-family step too (an AdditionalAssignFailed event on a real controller).
            if (ips.size() == 1 && claim.preferDualStack()) {
                Completed completed = addMissingFamily(claim, ips);
                ips = completed.ips();
                note = completed.note();
            }
        }
        return Allocation.assigned(claim.request(), ips, allocator.poolOf(key), note);
    }

    /** The IPs after MetalLB's PreferDualStack step, and its event when the step failed. */
    private record Completed(List<PackedIp> ips, String note) {
    }

    /**
     * MetalLB's PreferDualStack step for a Service holding one IP: {@code AllocateFromPoolForAdditionalFamily}, the
     * other family from the same pool. A dual-stack Service keeps both IPs. A single-stack one (one clusterIP, as on a
     * single-stack cluster) never settles on MetalLB v0.16: on its next pass the two IPs' family (dual) differs from
     * the clusterIP's, so MetalLB clears both, allocates one IP again, adds the other family again, and so on (seen on
     * a real v0.16.1 controller: the status flips several times a second). The simulator keeps the one IP, which is
     * all the Service holds in between, and says so.
     */
    private Completed addMissingFamily(ServiceClaim claim, List<PackedIp> ips) {
        PackedIp existing = ips.get(0);
        PackedIp added;
        try {
            added = allocator.allocateAdditionalFamily(claim, existing);
        } catch (AllocationError e) {
            return new Completed(ips, "cannot assign additional IP in PreferDualStack: " + e.getMessage());
        }
        if (claim.family() == ServiceFamily.DUAL) {
            return new Completed(List.of(existing, added), null);
        }
        try {
            allocator.assign(claim, ips);
        } catch (AllocationError e) {
            throw new IllegalStateException("the Service's own IP became unusable: " + e.getMessage(), e);
        }
        return new Completed(ips, "MetalLB v0.16 does not settle: it adds " + GoQuote.q(added.toString())
                + " from the pool (PreferDualStack), then clears both IPs because the Service's clusterIPs are "
                + (claim.family() == ServiceFamily.IPV6 ? "IPv6" : "IPv4") + " only, allocates again, and repeats");
    }

    /** MetalLB's {@code allocateIPs}. */
    private List<PackedIp> allocateIps(ServiceClaim claim) throws AllocationError {
        ServiceClaim.DesiredIps desired = claim.desiredIps();
        Optional<String> desiredPool = claim.desiredPool();
        if (!desired.ips().isEmpty()) {
            String requested = GoText.quotedList(desired.ips());
            if (claim.family() != desired.family()) {
                throw new AllocationError("requested loadBalancer IP(s) " + requested + " does not match the ipFamily of the service");
            }
            allocator.assign(claim, desired.ips());
            if (desiredPool.isPresent() && !desiredPool.get().equals(allocator.poolOf(claim.key()))) {
                allocator.unassign(claim.key());
                throw new AllocationError("requested loadBalancer IP(s) " + requested
                        + " is not compatible with requested address pool " + desiredPool.get());
            }
            return desired.ips();
        }
        if (desiredPool.isPresent()) {
            return allocator.allocateFromPool(claim, desiredPool.get());
        }
        return allocator.allocate(claim);
    }

    private static List<PackedIp> ingressIps(ServiceClaim claim) {
        List<PackedIp> ips = new ArrayList<>();
        for (String ip : claim.request().ingressIps()) {
            ips.add(PackedIp.parseNetIp(ip).orElseThrow()); // the reader has checked them
        }
        return ips;
    }

    /** MetalLB's {@code serviceFamilyChanged}: current IPs of another family than the Service's are dropped. */
    private static boolean familyChanged(ServiceClaim claim, List<PackedIp> ips) {
        ServiceFamily current;
        try {
            current = ServiceFamily.ofAddresses(ips.stream().map(PackedIp::toString).toList());
        } catch (AllocationError e) {
            return true;
        }
        if (current == claim.family()) {
            return false;
        }
        return !(claim.family() == ServiceFamily.DUAL && claim.preferDualStack());
    }

    /** MetalLB's {@code isEqualIPs}: the same IPs in any order. */
    private static boolean sameIps(List<PackedIp> a, List<PackedIp> b) {
        return a.stream().map(PackedIp::toString).sorted().toList().equals(b.stream().map(PackedIp::toString).sorted().toList());
    }

    private List<PackedIp> clear(String key) {
        allocator.unassign(key);
        return List.of();
    }
}
