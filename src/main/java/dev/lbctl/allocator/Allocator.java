package dev.lbctl.allocator;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.IpFamily;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * MetalLB v0.16's {@code internal/allocator}: {@code Assign}, {@code AllocateFromPool}, {@code Allocate} and
 * {@code AllocateFromPoolForAdditionalFamily}, with their messages. Where MetalLB's pool order is random (Go map
 * iteration) the {@link Chooser} says which of the pools that could win does win.
 */
final class Allocator {

    /** Picks one of the pools MetalLB could take at random; the simulation explores the picks through it. */
    interface Chooser {
        /** The choice that takes the first candidate in definition order every time. */
        Chooser FIRST = alternatives -> 0;

        /** @return the index, in definition order, of the candidate that wins among {@code alternatives} (at least 2) */
        int choose(int alternatives);
    }

    /**
     * Go's sort.Slice (Go 1.19 and later, every MetalLB release with serviceAllocation) sorts up to 12 elements by
     * insertion sort; beyond that pdqsort, which lbctl does not model.
     */
    private static final int INSERTION_SORT_LIMIT = 12;

    /** MetalLB's sortPools: ascending priority, with 0 (no priority) after every other value. */
    private static final Comparator<Integer> PRIORITY_ORDER =
            Comparator.comparing((Integer priority) -> priority == 0).thenComparing(Comparator.naturalOrder());

    private final List<PoolState> pools;
    private final Map<String, PoolState> byName = new LinkedHashMap<>();
    private final AddressIndex index;
    private final Assignments assignments;
    /** Pools for services no pool is pinned to: auto-assigned and without serviceAllocation (one random-order tier). */
    private final List<List<PoolState>> unpinnedTier;
    private final boolean anyPinnedPool;
    private Chooser chooser = Chooser.FIRST;

    /** @param expectedServices how many services will be placed, to size the bookkeeping once */
    Allocator(List<PoolState> pools, int expectedServices) {
        this.pools = List.copyOf(pools);
        pools.forEach(p -> byName.put(p.name(), p));
        this.index = new AddressIndex(pools);
        this.assignments = new Assignments(expectedServices);
        this.unpinnedTier = List.of(pools.stream().filter(p -> p.autoAssign() && !p.hasServiceAllocation()).toList());
        this.anyPinnedPool = pools.stream().anyMatch(p -> p.autoAssign() && p.hasServiceAllocation());
    }

    void chooseWith(Chooser chooser) {
        this.chooser = chooser;
    }

    boolean hasPools() {
        return !pools.isEmpty();
    }

    /** The pool of the service's IPs, or null when it holds none. */
    String poolOf(String service) {
        Assignments.Held held = assignments.heldBy(service);
        return held == null ? null : held.pool().name();
    }

    void unassign(String service) {
        assignments.unassign(service);
    }

    /** MetalLB's {@code Assign}: the requested IPs must lie in one pool that accepts the service, and be shareable. */
    void assign(ServiceClaim claim, List<PackedIp> ips) throws AllocationError {
        PoolState pool = index.poolOf(ips);
        if (pool == null) {
            throw new AllocationError(GoText.quotedList(ips) + " is not allowed in config");
        }
        if (!pool.compatibleWith(claim.namespace(), claim.labels())) {
            throw new AllocationError("pool " + pool.name() + " not compatible for ip assignment");
        }
        for (PackedIp ip : ips) {
            assignments.checkSharing(claim.key(), ip, claim.ports(), claim.keys());
        }
        assignments.assign(claim.key(), new Assignments.Held(pool, ips, claim.ports(), claim.keys()));
    }

    /** MetalLB's {@code AllocateFromPool}, for the address-pool annotation: autoAssign does not matter here. */
    List<PackedIp> allocateFromPool(ServiceClaim claim, String poolName) throws AllocationError {
        PoolState pool = byName.get(poolName);
        if (pool == null) {
            throw new AllocationError("unknown pool " + GoQuote.q(poolName));
        }
        List<PackedIp> ips = bothFamilies(pool, claim).requireAny().select(claim.family(), claim.familyPolicy());
        assign(claim, ips);
        return ips;
    }

    /**
     * MetalLB's {@code Allocate}: the pinned pools in priority order, then every unpinned auto-assign pool; the first
     * that can serve the service wins. Both steps go through {@code findBestPoolForService}.
     */
    List<PackedIp> allocate(ServiceClaim claim) throws AllocationError {
        List<PackedIp> placement = allocateFromTiers(pinnedTiers(claim), claim);
        if (placement == null) {
            placement = allocateFromTiers(unpinnedTier, claim);
        }
        if (placement == null) {
            throw new AllocationError("no available IPs");
        }
        return placement;
    }

    /** MetalLB's {@code AllocateFromPoolForAdditionalFamily}: a PreferDualStack service's missing family, same pool. */
    PackedIp allocateAdditionalFamily(ServiceClaim claim, PackedIp existing) throws AllocationError {
        IpFamily additional = existing.family() == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4;
        PoolState pool = byName.get(poolOf(claim.key()));
        // getFreeIPsFromPool cannot fail here: the Service's own address is free for it. So MetalLB selects [nil]
        // when the other family has no address, and Assign refuses [existing, nil] (seen on a real controller).
        PackedIp ip = pool.firstAvailable(additional, claim, assignments.sharing());
        if (ip == null) {
            throw new AllocationError(GoText.quotedList(List.of(existing, PoolOffer.NIL)) + " is not allowed in config");
        }
        assign(claim, List.of(existing, ip));
        return ip;
    }

    /**
     * MetalLB's {@code pinnedPoolsForService} then {@code sortPools}, as tiers: pools in one tier come in random order,
     * tiers in a fixed one. The list sorted is {@code ByNamespace[ns]} (built by ranging over a map: random order)
     * followed by {@code ByServiceSelector} (sorted by name; every pool whose serviceAllocation sets no namespace and
     * no selector gets {@code labels.Everything()}, so {@code serviceAllocation: {}} is here), each filtered on
     * autoAssign and compatibility; a pool in both lists is there twice. sortPools' less(i, j) is priority(i) <
     * priority(j) when both are set, false when only j is set, and true otherwise, so also when neither is set. Go's
     * insertion sort moves an element left while less(it, left neighbour): pools with a priority end up ascending and
     * stable (equal ones keep their input order: namespace-pinned first), and pools without one end up in reverse
     * input order (selector pools by descending name, then the namespace-pinned ones, whose order is random anyway).
     */
    private List<List<PoolState>> pinnedTiers(ServiceClaim claim) {
        if (!anyPinnedPool) {
            return List.of();
        }
        List<PoolState> byNamespace = new ArrayList<>();
        List<PoolState> bySelector = new ArrayList<>();
        for (PoolState pool : pools) {
            if (!pool.autoAssign() || !pool.compatibleWith(claim.namespace(), claim.labels())) {
                continue;
            }
            if (pool.pinnedToNamespace(claim.namespace())) {
                byNamespace.add(pool);
            }
            if (pool.hasServiceSelectors()) {
                bySelector.add(pool);
            }
        }
        bySelector.sort(Comparator.comparing(PoolState::name));
        if (byNamespace.size() + bySelector.size() > INSERTION_SORT_LIMIT) {
            return priorityGroups(byNamespace, bySelector);
        }
        Map<Integer, List<List<PoolState>>> byPriority = new TreeMap<>(PRIORITY_ORDER);
        byNamespace.stream().collect(Collectors.groupingBy(PoolState::priority, LinkedHashMap::new, Collectors.toList()))
                .forEach((priority, tier) -> byPriority.computeIfAbsent(priority, p -> new ArrayList<>()).add(tier));
        for (PoolState pool : bySelector) {
            List<List<PoolState>> tiers = byPriority.computeIfAbsent(pool.priority(), p -> new ArrayList<>());
            // Unset priority reverses the input order: this selector pool goes before the earlier ones.
            tiers.add(pool.priority() == 0 ? 0 : tiers.size(), List.of(pool));
        }
        List<List<PoolState>> out = new ArrayList<>();
        byPriority.forEach((priority, tiers) -> out.addAll(tiers));
        return out;
    }

    /**
     * Beyond the insertion sort, the order lbctl can vouch for: one tier per priority, ascending with 0 last, each
     * treated as random although pdqsort's order is in fact fixed by the input order.
     */
    private static List<List<PoolState>> priorityGroups(List<PoolState> byNamespace, List<PoolState> bySelector) {
        Map<Integer, Set<PoolState>> byPriority = new TreeMap<>(PRIORITY_ORDER);
        Stream.concat(byNamespace.stream(), bySelector.stream())
                .forEach(pool -> byPriority.computeIfAbsent(pool.priority(), p -> new LinkedHashSet<>()).add(pool));
        return byPriority.values().stream().map(List::copyOf).toList();
    }

    /** MetalLB's {@code allocateFromPools}; null where it returns an error, so that the caller moves on. */
    private List<PackedIp> allocateFromTiers(List<List<PoolState>> tiers, ServiceClaim claim) {
        PoolOffer choice = findBestPool(tiers, claim);
        if (choice == null) {
            return null;
        }
        try {
            List<PackedIp> ips = choice.select(claim.family(), claim.familyPolicy());
            assign(claim, ips);
            return ips;
        } catch (AllocationError e) {
            return null;
        }
    }

    /**
     * MetalLB's {@code findBestPoolForService} over pools whose relative order within a tier is random. MetalLB
     * returns the first pool that fully serves the service; failing that, for a dual-stack PreferDualStack service,
     * the first with the primary family, then the first with the secondary one. So the possible winners are the
     * pools of the first kind that exists, in the first tier holding one; the chooser picks when that tier holds
     * more than one.
     */
    private PoolOffer findBestPool(List<List<PoolState>> tiers, ServiceClaim claim) {
        List<List<PoolOffer>> offers = new ArrayList<>(tiers.size());
        for (List<PoolState> tier : tiers) {
            List<PoolOffer> tierOffers = new ArrayList<>(tier.size());
            for (PoolState pool : tier) {
                tierOffers.add(offer(pool, claim));
            }
            offers.add(tierOffers);
        }
        for (Fit fit : Fit.inPreferenceOrder(claim)) {
            for (List<PoolOffer> tier : offers) {
                List<PoolOffer> fitting = tier.stream().filter(offer -> fit.matches(offer, claim)).toList();
                if (!fitting.isEmpty()) {
                    return fitting.get(fitting.size() == 1 ? 0 : chooser.choose(fitting.size()));
                }
            }
        }
        return null;
    }

    /** How a pool can serve a service in findBestPoolForService, in MetalLB's order of preference. */
    private enum Fit {
        /** The service's family, or both families for dual-stack. */
        FULL,
        /** PreferDualStack without a FULL pool: spec.ipFamilies[0]. */
        PRIMARY_FAMILY,
        /** PreferDualStack without a FULL or PRIMARY_FAMILY pool: the other family. */
        SECONDARY_FAMILY;

        private static final List<Fit> ONLY_FULL = List.of(FULL);
        private static final List<Fit> ALL = List.of(values());

        static List<Fit> inPreferenceOrder(ServiceClaim claim) {
            return claim.family() == ServiceFamily.DUAL && claim.preferDualStack() ? ALL : ONLY_FULL;
        }

        boolean matches(PoolOffer offer, ServiceClaim claim) {
            IpFamily primary = claim.primaryFamily();
            return switch (this) {
                case FULL -> claim.family() == ServiceFamily.DUAL ? offer.hasBoth() : offer.forFamily(claim.family().single()) != null;
                case PRIMARY_FAMILY -> offer.forFamily(primary) != null;
                case SECONDARY_FAMILY -> offer.forFamily(primary == IpFamily.IPV4 ? IpFamily.IPV6 : IpFamily.IPV4) != null;
            };
        }
    }

    /** MetalLB's {@code getFreeIPsFromPool} for both families, where its errors depend on both. */
    private PoolOffer bothFamilies(PoolState pool, ServiceClaim claim) {
        return new PoolOffer(pool, pool.firstAvailable(IpFamily.IPV4, claim, assignments.sharing()),
                pool.firstAvailable(IpFamily.IPV6, claim, assignments.sharing()));
    }

    /** MetalLB's {@code getFreeIPsFromPool}, computing only the families the service can use. */
    private PoolOffer offer(PoolState pool, ServiceClaim claim) {
        boolean dual = claim.family() == ServiceFamily.DUAL;
        IpFamily single = claim.family().single();
        return new PoolOffer(pool,
                dual || single == IpFamily.IPV4 ? pool.firstAvailable(IpFamily.IPV4, claim, assignments.sharing()) : null,
                dual || single == IpFamily.IPV6 ? pool.firstAvailable(IpFamily.IPV6, claim, assignments.sharing()) : null);
    }
}
