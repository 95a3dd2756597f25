package dev.lbctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PoolUsageTest {

    private static AddressPool pool(String name, boolean avoidBuggyIps, String... addresses) throws Exception {
        List<Cidr> cidrs = new ArrayList<>();
        for (String a : addresses) {
            cidrs.addAll(MetalLbAddresses.parse(a, MetalLbVersion.LATEST));
        }
        return new AddressPool(name, List.of(addresses), cidrs, true, avoidBuggyIps, Optional.empty(), Optional.empty());
    }

    private static LoadBalancerService service(String annotatedPool, String... ips) {
        return new LoadBalancerService("default", "web", List.of(ips), Optional.ofNullable(annotatedPool), Optional.empty());
    }

    @Test
    void assignedCountsDistinctIngressIpsInsideThePool() throws Exception {
        AddressPool lab = pool("lab", false, "127.0.0.240-127.0.0.250");

        // Two Services sharing .240, one on .241, one outside the pool, and text that is no IP.
        long assigned = PoolUsage.assigned(lab, List.of("127.0.0.240", "127.0.0.240", "127.0.0.241", "10.0.0.1", "pending"));

        assertThat(assigned).isEqualTo(2);
    }

    @Test
    void totalIsTheSizeOfThePoolsPrefixesAsAnExactNumber() throws Exception {
        assertThat(PoolUsage.total(pool("range", false, "127.0.0.240-127.0.0.250"))).isEqualTo(BigInteger.valueOf(11));
        assertThat(PoolUsage.total(pool("mixed", false, "192.168.10.0/24", "fc00:f853:ccd:e799::/64")))
                .isEqualTo(BigInteger.TWO.pow(64).add(BigInteger.valueOf(256)));
    }

    @Test
    void avoidBuggyIpsLeavesOutEveryDotZeroAndDotTwoFiftyFive() throws Exception {
        // A /23 holds two .0 and two .255; a range .250-.255 summarizes to /31 + /30 and ends on .255.
        assertThat(PoolUsage.total(pool("p", true, "10.0.0.0/23"))).isEqualTo(BigInteger.valueOf(512 - 4));
        assertThat(PoolUsage.total(pool("p", true, "10.0.0.250-10.0.0.255"))).isEqualTo(BigInteger.valueOf(5));
        assertThat(PoolUsage.total(pool("p", true, "10.0.1.0/32"))).isEqualTo(BigInteger.ZERO);
        assertThat(PoolUsage.total(pool("p", true, "fc00::/120"))).isEqualTo(BigInteger.valueOf(256));
        AddressPool avoiding = pool("p", true, "10.0.0.0/24");
        assertThat(PoolUsage.assigned(avoiding, List.of("10.0.0.0", "10.0.0.1"))).isEqualTo(1);
    }

    @Test
    void thePoolOfAServiceIsMetalLbsAnnotationElseTheFirstPoolHoldingItsIp() throws Exception {
        List<AddressPool> pools = List.of(pool("a", false, "10.0.0.0/24"), pool("b", false, "10.0.1.0/24"),
                pool("c", false, "10.0.1.0/28"));

        assertThat(PoolUsage.poolOf(service("a", "10.0.1.5"), pools)).contains("a");
        assertThat(PoolUsage.poolOf(service(null, "10.0.1.5"), pools)).contains("b");
        assertThat(PoolUsage.poolOf(service(null, "192.168.0.1"), pools)).isEmpty();
        assertThat(PoolUsage.poolOf(service(null), pools)).isEmpty();
    }
}
