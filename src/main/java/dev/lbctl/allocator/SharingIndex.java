package dev.lbctl.allocator;

import dev.lbctl.services.ServicePort;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The shareable IPs of each pool, by sharing keys and by the ports already in use on them, so that the lowest IP a
 * new service may share is found without scanning the pool.
 *
 * <p>A claimant with ports P may join an IP whose ports Q are disjoint from P. IPs are grouped by their exact port set
 * Q: one sorted set per distinct Q. A lookup asks each compatible set for its lowest IP in range, so it costs
 * O(k log n) for k distinct port sets under one sharing key in one pool (k is 1 to 3 in practice: TCP and UDP of a
 * DNS service, say), and stays cheap when thousands of services share one key on the same port.
 */
final class SharingIndex {

    private record Group(String pool, SharingKeys keys) {
    }

    private final Map<Group, Map<Set<ServicePort>, TreeSet<PackedIp>>> groups = new HashMap<>();

    void add(String pool, SharingKeys keys, Set<ServicePort> portsOnIp, PackedIp ip) {
        if (!keys.allowsSharing()) {
            return;
        }
        groups.computeIfAbsent(new Group(pool, keys), g -> new HashMap<>())
                .computeIfAbsent(Set.copyOf(portsOnIp), ports -> new TreeSet<>())
                .add(ip);
    }

    void remove(String pool, SharingKeys keys, Set<ServicePort> portsOnIp, PackedIp ip) {
        Group group = new Group(pool, keys);
        Map<Set<ServicePort>, TreeSet<PackedIp>> bySignature = groups.get(group);
        if (bySignature == null) {
            return;
        }
        Set<ServicePort> signature = Set.copyOf(portsOnIp);
        TreeSet<PackedIp> ips = bySignature.get(signature);
        if (ips != null && ips.remove(ip) && ips.isEmpty()) {
            bySignature.remove(signature);
            if (bySignature.isEmpty()) {
                groups.remove(group);
            }
        }
    }

    /** The lowest IP in [from, to] of the pool that the claimant may share; null when there is none. */
    PackedIp lowestShareable(String pool, ServiceClaim claimant, PackedIp from, PackedIp to) {
        if (!claimant.keys().allowsSharing()) {
            return null;
        }
        Map<Set<ServicePort>, TreeSet<PackedIp>> bySignature = groups.get(new Group(pool, claimant.keys()));
        if (bySignature == null) {
            return null;
        }
        List<ServicePort> wanted = claimant.ports();
        PackedIp lowest = null;
        for (Map.Entry<Set<ServicePort>, TreeSet<PackedIp>> entry : bySignature.entrySet()) {
            if (!Collections.disjoint(entry.getKey(), wanted)) {
                continue;
            }
            PackedIp candidate = entry.getValue().ceiling(from);
            if (candidate != null && candidate.compareTo(to) <= 0) {
                lowest = PackedIp.min(lowest, candidate);
            }
        }
        return lowest;
    }
}
