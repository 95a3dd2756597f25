package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.services.ServicePort;
import dev.lbctl.services.ServiceRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SimulationPropertiesTest {

    private static final List<AddressPool> SMALL_POOLS = List.of(
            TestPools.pool("a", "10.0.0.254-10.0.1.3"),
            new AddressPool("b", List.of("10.0.2.0/30"), TestPools.pool("b", "10.0.2.0/30").cidrs(), true, true,
                    Optional.empty(), Optional.empty()));

    @Provide
    Arbitrary<List<ServiceRequest>> servicesThatMayShare() {
        Arbitrary<ServiceRequest> service = Combinators.combine(
                Arbitraries.of("", "", "k1", "k2"),
                Arbitraries.of("TCP", "UDP"),
                Arbitraries.of(53, 80, 443),
                Arbitraries.of(true, false),
                Arbitraries.of("x", "y")).as((key, protocol, port, local, app) ->
                TestServices.sharing("unnamed", key, new ServicePort(protocol, port), local, app));
        return service.list().ofMaxSize(30).map(SimulationPropertiesTest::numbered);
    }

    private static List<ServiceRequest> numbered(List<ServiceRequest> services) {
        List<ServiceRequest> out = new ArrayList<>();
        for (ServiceRequest s : services) {
            out.add(new ServiceRequest(s.namespace(), "s" + out.size(), s.labels(), s.annotations(), s.type(),
                    s.loadBalancerClass(), s.loadBalancerIp(), s.ipFamilies(), s.ipFamilyPolicy(), s.clusterIps(),
                    s.ports(), s.externalTrafficPolicy(), s.selector(), s.ingressIps()));
        }
        return out;
    }

    /** Services on one IP all allow sharing with one key, have one backend key, and no port twice. */
    @Property(tries = 400)
    void servicesShareAnIpOnlyAsMetalLbAllows(@ForAll("servicesThatMayShare") List<ServiceRequest> services) throws Exception {
        List<Allocation> results = Simulation.run(SMALL_POOLS, services, Map.of());
        Map<String, List<ServiceRequest>> byIp = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            for (String ip : results.get(i).ips()) {
                byIp.computeIfAbsent(ip, k -> new ArrayList<>()).add(services.get(i));
            }
        }
        for (List<ServiceRequest> users : byIp.values()) {
            if (users.size() == 1) {
                continue;
            }
            List<SharingKeys> keys = new ArrayList<>();
            for (ServiceRequest user : users) {
                keys.add(ServiceClaim.of(user).keys());
            }
            assertThat(keys).allMatch(k -> k.allowsSharing() && k.equals(keys.get(0)));
            assertThat(users.stream().flatMap(u -> u.ports().stream())).doesNotHaveDuplicates();
        }
    }

    /**
     * An oracle that enumerates the small pools: no address before a Service's IP (pools in definition order, each
     * in walk order), and for a pending Service no address at all, was usable by it. Usability is judged on the final
     * state, which is sound because addresses are only ever added: usable at the end means usable earlier.
     */
    @Property(tries = 400)
    void eachServiceGetsTheFirstUsableAddressInWalkOrder(@ForAll("servicesThatMayShare") List<ServiceRequest> services)
            throws Exception {
        List<Allocation> results = Simulation.run(SMALL_POOLS, services, Map.of());
        Map<String, List<ServiceRequest>> users = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            for (String ip : results.get(i).ips()) {
                users.computeIfAbsent(ip, k -> new ArrayList<>()).add(services.get(i));
            }
        }
        List<String> walk = new ArrayList<>();
        for (AddressPool pool : SMALL_POOLS) {
            for (Cidr cidr : pool.cidrs()) {
                for (PackedIp ip = PackedIp.of(cidr.first()); ip.compareTo(PackedIp.of(cidr.last())) <= 0; ip = ip.next()) {
                    if (pool.contains(IpAddress.parse(ip.toString()).orElseThrow())) {
                        walk.add(ip.toString());
                    }
                }
            }
        }
        for (int i = 0; i < services.size(); i++) {
            List<String> ips = results.get(i).ips();
            int end = ips.isEmpty() ? walk.size() : walk.indexOf(ips.get(0));
            for (String earlier : walk.subList(0, end)) {
                assertThat(usable(services.get(i), users.getOrDefault(earlier, List.of())))
                        .as("%s could have used %s before %s", services.get(i).name(), earlier, ips).isFalse();
            }
        }
    }

    private static boolean usable(ServiceRequest service, List<ServiceRequest> usersOfIp) throws AllocationError {
        SharingKeys keys = ServiceClaim.of(service).keys();
        for (ServiceRequest user : usersOfIp) {
            if (!keys.canShareWith(ServiceClaim.of(user).keys()) || user.ports().stream().anyMatch(service.ports()::contains)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 400)
    void everyAssignedIpLiesInItsPool(@ForAll("servicesThatMayShare") List<ServiceRequest> services) {
        List<Allocation> results = Simulation.run(SMALL_POOLS, services, Map.of());
        for (Allocation result : results) {
            AddressPool pool = SMALL_POOLS.stream().filter(p -> p.name().equals(result.pool())).findFirst().orElse(null);
            for (String ip : result.ips()) {
                assertThat(pool).isNotNull();
                assertThat(pool.contains(IpAddress.parse(ip).orElseThrow())).as("%s in %s", ip, pool.name()).isTrue();
            }
        }
        assertThat(results).filteredOn(r -> r.status() == Allocation.Status.ASSIGNED).hasSizeLessThanOrEqualTo(
                services.size());
    }

    /** A pool that is larger than the demand gives the same result whatever its size: only its first addresses matter. */
    @Property(tries = 100)
    void resultsDoNotDependOnPoolSizeBeyondTheAddressesUsed(
            @ForAll("servicesThatMayShare") List<ServiceRequest> services,
            @ForAll @IntRange(min = 8, max = 24) int ipv4Prefix,
            @ForAll @IntRange(min = 32, max = 120) int ipv6Prefix) {
        List<ServiceRequest> mixed = new ArrayList<>();
        for (ServiceRequest s : services) {
            mixed.add(mixed.size() % 2 == 0 ? s : withFamily(s, "IPv6"));
        }
        List<Allocation> small = Simulation.run(List.of(TestPools.pool("p", "10.0.0.0/24", "fd00::/120")), mixed, Map.of());
        List<Allocation> large = Simulation.run(List.of(TestPools.pool("p", "10.0.0.0/" + ipv4Prefix, "fd00::/" + ipv6Prefix)),
                mixed, Map.of());
        assertThat(large).isEqualTo(small);
    }

    private static ServiceRequest withFamily(ServiceRequest s, String family) {
        return new ServiceRequest(s.namespace(), s.name(), s.labels(), s.annotations(), s.type(), s.loadBalancerClass(),
                s.loadBalancerIp(), List.of(family), s.ipFamilyPolicy(), s.clusterIps(), s.ports(),
                s.externalTrafficPolicy(), s.selector(), s.ingressIps());
    }

    /** Ten thousand Services in a /64: consecutive addresses from the start, with no walk over the pool. */
    @Test
    void aSixtyFourServesTenThousandServicesInOrder() {
        List<ServiceRequest> services = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            services.add(TestServices.loadBalancer("s" + i, "IPv6"));
        }
        List<Allocation> results = Simulation.run(List.of(TestPools.pool("v6", "fd00:1::/64")), services, Map.of());
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).ips()).containsExactly("fd00:1::" + Integer.toHexString(i).replaceFirst("^0$", ""));
        }
    }

    /** With avoidBuggyIPs the n-th Service gets the n-th address that does not end in .0 or .255. */
    @Test
    void avoidBuggyIpsSkipsEveryDot0AndDot255InOrder() {
        List<ServiceRequest> services = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            services.add(TestServices.loadBalancer("s" + i, "IPv4"));
        }
        AddressPool pool = new AddressPool("p", List.of("10.0.0.0/16"), TestPools.pool("p", "10.0.0.0/16").cidrs(), true,
                true, Optional.empty(), Optional.empty());
        List<Allocation> results = Simulation.run(List.of(pool), services, Map.of());
        long address = 0x0a00_0000L;
        for (Allocation result : results) {
            while ((address & 0xff) == 0 || (address & 0xff) == 255) {
                address++;
            }
            assertThat(result.ips()).containsExactly(PackedIp.ipv4(address++).toString());
        }
    }
}
