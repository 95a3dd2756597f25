package dev.lbctl.config;

import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpFamily;
import java.math.BigInteger;

/**
 * The address family MetalLB sees in a prefix: {@code ip.To4() == nil} means IPv6, so an IPv4-mapped IPv6 prefix
 * ({@code ::ffff:10.0.0.0/120}) counts as IPv4 in its checks (native BGP's IPv6 refusal, aggregation lengths).
 */
final class GoFamily {

    private static final BigInteger MAPPED_PREFIX = BigInteger.valueOf(0xffff).shiftLeft(32);

    private GoFamily() {
    }

    static IpFamily of(Cidr cidr) {
        if (cidr.family() == IpFamily.IPV4) {
            return IpFamily.IPV4;
        }
        return cidr.network().value().shiftRight(32).shiftLeft(32).equals(MAPPED_PREFIX) ? IpFamily.IPV4 : IpFamily.IPV6;
    }
}
