package dev.lbctl.allocator;

import dev.lbctl.services.ServiceRequest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

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
 * @param deterministic true when every pool MetalLB could pick at random, for this Service and every Service
 *                      before it, leads to this same outcome (see {@link Simulation})
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

    static Allocation assigned(ServiceRequest service, List<PackedIp> ips, String pool, String reason) {
        String[] texts = new String[ips.size()];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = ips.get(i).toString();
        }
        return new Allocation(service.namespace(), service.name(), Status.ASSIGNED, List.of(texts), pool, reason, true);
    }

    static Allocation pending(ServiceRequest service, String reason) {
        return new Allocation(service.namespace(), service.name(), Status.PENDING, List.of(), null, reason, true);
    }

    static Allocation skipped(ServiceRequest service, String reason) {
        return new Allocation(service.namespace(), service.name(), Status.SKIPPED, List.of(), null, reason, true);
    }

    Allocation withDeterministic(boolean value) {
        return value == deterministic ? this
                : new Allocation(namespace, name, status, ips, pool, reason, value);
    }

    /** Whether the two give the Service the same status, IPs, pool and message. */
    boolean sameOutcome(Allocation other) {
        return status == other.status && ips.equals(other.ips) && Objects.equals(pool, other.pool)
                && Objects.equals(reason, other.reason);
    }

    /** {@code namespace/name}. */
    public String key() {
        return namespace + "/" + name;
    }
}
