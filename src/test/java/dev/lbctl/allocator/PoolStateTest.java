package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.IpFamily;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PoolStateTest {

    @Test
    void consecutiveCidrsOfARangeBecomeOneSegment() {
        PoolState pool = new PoolState(TestPools.pool("p", "10.0.0.3-10.0.1.200", "10.0.0.0/31"), Map.of());
        assertThat(pool.segments()).extracting(s -> s.firstIp() + "-" + s.lastIp())
                .containsExactly("10.0.0.3-10.0.1.200", "10.0.0.0-10.0.0.1");
    }

    /**
     * After random takes and releases, the first available address is the first one MetalLB's brute-force walk
     * finds: CIDRs in addresses order, each from first to last, skipping .0/.255 with avoidBuggyIPs and taken ones.
     */
    @Property(tries = 300)
    void firstAvailableIsWhatTheAddressByAddressWalkFinds(
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 1000) Integer> starts,
            @ForAll @Size(min = 1, max = 3) List<@IntRange(min = 0, max = 600) Integer> lengths,
            @ForAll boolean avoidBuggyIps,
            @ForAll @Size(max = 300) List<@IntRange(min = -1500, max = 1500) Integer> operations) throws Exception {
        AddressPool pool = randomPool(starts, lengths, avoidBuggyIps);
        PoolState state = new PoolState(pool, Map.of());
        Set<PackedIp> taken = new HashSet<>();
        for (int op : operations) {
            PackedIp ip = PackedIp.ipv4(0x0a00_0000L + Math.abs(op));
            if (!state.numbering().excludes(ip) && pool.contains(IpAddress.parse(ip.toString()).orElseThrow())) {
                if (op >= 0 && taken.add(ip)) {
                    state.take(ip);
                } else if (op < 0 && taken.remove(ip)) {
                    state.release(ip);
                }
            }
        }
        ServiceClaim claim = ServiceClaim.of(TestServices.loadBalancer("s", "IPv4"));
        assertThat(state.firstAvailable(IpFamily.IPV4, claim, new SharingIndex())).isEqualTo(bruteForceFirst(pool, taken));
    }

    private static AddressPool randomPool(List<Integer> starts, List<Integer> lengths, boolean avoidBuggyIps) {
        List<String> addresses = new ArrayList<>();
        List<Cidr> cidrs = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int end = start + lengths.get(i % lengths.size());
            boolean overlaps = false;
            for (int a = start; a <= end; a++) {
                overlaps |= used.contains(a);
            }
            if (overlaps) {
                continue;
            }
            for (int a = start; a <= end; a++) {
                used.add(a);
            }
            String range = PackedIp.ipv4(0x0a00_0000L + start) + "-" + PackedIp.ipv4(0x0a00_0000L + end);
            addresses.add(range);
            cidrs.addAll(TestPools.pool("p", range).cidrs());
        }
        return new AddressPool("p", addresses, cidrs, true, avoidBuggyIps, Optional.empty(), Optional.empty());
    }

    private static PackedIp bruteForceFirst(AddressPool pool, Set<PackedIp> taken) {
        for (Cidr cidr : pool.cidrs()) {
            for (PackedIp ip = PackedIp.of(cidr.first()); ip.compareTo(PackedIp.of(cidr.last())) <= 0; ip = ip.next()) {
                if (pool.contains(IpAddress.parse(ip.toString()).orElseThrow()) && !taken.contains(ip)) {
                    return ip;
                }
            }
        }
        return null;
    }
}
