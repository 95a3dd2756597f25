package dev.lbctl.allocator;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.services.ServicePort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who holds which IP: MetalLB's {@code allocated}, {@code sharingKeyForIP}, {@code portsInUse} and
 * {@code servicesOnIP} maps, kept in step with each pool's taken slots and with the sharing index.
 *
 * <p>An IP almost always has one user, so its users are a short list rather than per-IP maps: at a million
 * Services the per-IP maps were most of the memory, and the garbage collector's copying of them most of the time.
 */
final class Assignments {

    /** The IPs one service holds, with what it claimed them for (MetalLB's {@code alloc}). */
    record Held(PoolState pool, List<PackedIp> ips, List<ServicePort> ports, SharingKeys keys) {
    }

    private record User(String service, List<ServicePort> ports) {
    }

    /** The users of one IP, in assignment order, and the keys they share it under. */
    private static final class IpUse {
        private final PoolState pool;
        private SharingKeys keys;
        private final List<User> users = new ArrayList<>(1);

        IpUse(PoolState pool) {
            this.pool = pool;
        }

        Set<ServicePort> ports() {
            Set<ServicePort> ports = new HashSet<>();
            users.forEach(u -> ports.addAll(u.ports()));
            return ports;
        }
    }

    private final Map<PackedIp, IpUse> uses;
    private final Map<String, Held> held;
    private final SharingIndex sharing = new SharingIndex();

    /** @param expectedServices sizes the maps once instead of rehashing them as a large simulation grows */
    Assignments(int expectedServices) {
        this.uses = new HashMap<>(Math.max(16, expectedServices * 2));
        this.held = new HashMap<>(Math.max(16, expectedServices * 2));
    }

    SharingIndex sharing() {
        return sharing;
    }

    Held heldBy(String service) {
        return held.get(service);
    }

    /** MetalLB's {@code checkSharing}: may {@code service} use {@code ip} for these ports and keys? */
    void checkSharing(String service, PackedIp ip, List<ServicePort> ports, SharingKeys keys) throws AllocationError {
        IpUse use = uses.get(ip);
        if (use == null) {
            return;
        }
        List<User> others = new ArrayList<>(use.users.size());
        for (User user : use.users) {
            if (!user.service().equals(service)) {
                others.add(user);
            }
        }
        if (!keys.canShareWith(use.keys) && !others.isEmpty()) {
            // A sole owner may change its keys in place; anyone else is refused with this message, not sharingOK's.
            List<String> names = new ArrayList<>();
            others.forEach(u -> names.add(u.service()));
            throw new AllocationError("can't change sharing key for " + GoQuote.q(service) + ", address also in use by "
                    + String.join(",", names));
        }
        for (ServicePort port : ports) {
            for (User other : others) {
                if (other.ports().contains(port)) {
                    throw new AllocationError("port " + port + " is already in use on " + GoQuote.q(ip.toString()));
                }
            }
        }
    }

    /** MetalLB's internal {@code assign}: records the allocation unconditionally, replacing the service's previous one. */
    void assign(String service, Held allocation) {
        unassign(service);
        held.put(service, allocation);
        for (PackedIp ip : allocation.ips()) {
            IpUse use = uses.get(ip);
            if (use == null) {
                use = new IpUse(allocation.pool());
                uses.put(ip, use);
                use.pool.take(ip);
            } else {
                unindex(use, ip);
            }
            use.keys = allocation.keys();
            use.users.add(new User(service, allocation.ports()));
            index(use, ip);
        }
    }

    void unassign(String service) {
        Held allocation = held.remove(service);
        if (allocation == null) {
            return;
        }
        for (PackedIp ip : allocation.ips()) {
            IpUse use = uses.get(ip);
            unindex(use, ip);
            use.users.removeIf(u -> u.service().equals(service));
            if (use.users.isEmpty()) {
                uses.remove(ip);
                use.pool.release(ip);
            } else {
                index(use, ip);
            }
        }
    }

    private void index(IpUse use, PackedIp ip) {
        if (use.keys.allowsSharing()) {
            sharing.add(use.pool.name(), use.keys, use.ports(), ip);
        }
    }

    private void unindex(IpUse use, PackedIp ip) {
        if (use.keys.allowsSharing()) {
            sharing.remove(use.pool.name(), use.keys, use.ports(), ip);
        }
    }
}
