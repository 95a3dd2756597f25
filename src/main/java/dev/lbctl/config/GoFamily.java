package dev.lbctl.config;

import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.IpFamily;
import java.math.BigInteger;

/**
 * How Go's net package, and so MetalLB, sees a prefix. The address family: {@code ip.To4() == nil} means IPv6, so an
 * IPv4-mapped IPv6 prefix ({@code ::ffff:10.0.0.0/120}) counts as IPv4 in its checks (native BGP's IPv6 refusal,
 * aggregation lengths).
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

    /**
     * MetalLB's {@code cidrsOverlap}: each prefix contains the other's network address, where the prefix lengths are
     * compared as written (an IPv4-mapped /120 is 120, longer than any IPv4 prefix) but containment is Go's
     * {@code IPNet.Contains}, which sees IPv4-mapped prefixes and addresses as IPv4. So {@code ::ffff:10.0.0.0/120}
     * overlaps {@code 10.0.0.0/24} but not {@code 10.0.0.16/29}.
     */
    static boolean overlaps(Cidr a, Cidr b) {
        return contains(a, b) || contains(b, a);
    }

    private static boolean contains(Cidr outer, Cidr inner) {
        Cidr o = asGo(outer);
        Cidr i = asGo(inner);
        if (outer.prefixLength() == inner.prefixLength() && o.network().equals(i.network())) {
            return true;
        }
        return outer.prefixLength() < inner.prefixLength() && o.family() == i.family() && o.contains(i.network());
    }

    /** Go's {@code IPNet.String()}. */
    static String format(Cidr cidr) {
        return asGo(cidr).toString();
    }
}
