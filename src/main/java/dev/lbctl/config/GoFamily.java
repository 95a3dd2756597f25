package dev.lbctl.config;

import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpAddress;
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

    /**
     * The prefix as Go's net package holds it for comparison and printing: an IPv4-mapped prefix is the IPv4 prefix
     * ({@code ::ffff:10.0.0.0/120} is {@code 10.0.0.0/24}), so it overlaps that and prints as that.
     */
    static Cidr asGo(Cidr cidr) {
        if (cidr.family() == IpFamily.IPV4 || of(cidr) == IpFamily.IPV6) {
            return cidr;
        }
        IpAddress v4 = IpAddress.of(IpFamily.IPV4, cidr.network().value().and(BigInteger.valueOf(0xffff_ffffL)));
        return new Cidr(v4, cidr.prefixLength() - 96);
    }

    /** Go's {@code IPNet.String()}. */
    static String format(Cidr cidr) {
        return asGo(cidr).toString();
    }
}
