package dev.lbctl.allocator;

import dev.lbctl.services.ServiceRequest;
import java.util.List;
import java.util.Locale;

/**
 * The simulated outcome for one Service.
 *
 * @param ips the load-balancer IPs in MetalLB's order (IPv4 first for dual-stack), as Go prints them; empty unless
 *            assigned
 * @param pool the pool the IPs came from; null unless assigned
 * @param reason MetalLB's own message: for a pending Service the error of its {@code AllocationFailed} event; for an
 *               assigned one, the event MetalLB emitted alongside (a PreferDualStack Service that kept one IP, or an
 *               invalid request while keeping its current IPs), or lbctl's warning that MetalLB never settles (a
 *               single-stack PreferDualStack Service whose pool has a free address of the other family); for a
 *               skipped one, why MetalLB ignores it. Null when MetalLB has nothing to say.
 * @param deterministic false when MetalLB picks between several pools that could all have served this Service at
 *                      this point of the run (see {@link Simulation}); true for pending and skipped Services
 */
public record Allocation(
        String namespace,
        String name,
        Status status,
        List<String> ips,
        String pool,
        String reason,
        boolean deterministic) {

    public enum Status {
        ASSIGNED,
        PENDING,
        /** Not handled by MetalLB: not of type LoadBalancer, or a loadBalancerClass is set. */
        SKIPPED;

        /** The lower-case word used in tables and JSON. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Allocation {
        ips = List.copyOf(ips);
    }

    static Allocation assigned(ServiceRequest service, List<PackedIp> ips, String pool, String reason, boolean deterministic) {
        String[] texts = new String[ips.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = ips.get(i).toString();
        }
        return new Allocation(service.namespace(), service.name(), Status.ASSIGNED, List.of(texts), pool, reason,
                deterministic);
    }

    static Allocation pending(ServiceRequest service, String reason) {
        return new Allocation(service.namespace(), service.name(), Status.PENDING, List.of(), null, reason, true);
    }

    static Allocation skipped(ServiceRequest service, String reason) {
        return new Allocation(service.namespace(), service.name(), Status.SKIPPED, List.of(), null, reason, true);
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }
}
