package dev.lbctl.allocator;

import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.IpFamily;
import java.math.BigInteger;
import java.util.Optional;

/**
 * An address as two unsigned longs, ordered like {@link IpAddress} (family first, then value). The allocator compares
 * and steps addresses millions of times; {@code BigInteger} arithmetic made that the dominant cost, so the public
 * {@link IpAddress} is converted once on the way in, and results leave as text.
 */
record PackedIp(IpFamily family, long high, long low) implements Comparable<PackedIp> {

    private static final long IPV4_MAX = 0xffff_ffffL;
    private static final long IPV4_MAPPED_PREFIX = 0xffffL;

    /*
     * Written out, not left to the record: a record's generated equals and hashCode link through an invokedynamic
     * bootstrap that spins some 25 method-handle classes at run time, which no startup archive holds on JDK 17 (about
     * 10 ms of every pool simulate). Same fields, same meaning as the record's own.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof PackedIp that && family == that.family && high == that.high && low == that.low;
    }

    @Override
    public int hashCode() {
        return (family.hashCode() * 31 + Long.hashCode(high)) * 31 + Long.hashCode(low);
    }

    static PackedIp of(IpAddress ip) {
        BigInteger value = ip.value();
        return new PackedIp(ip.family(), value.shiftRight(64).longValue(), value.longValue());
    }

    static PackedIp ipv4(long value) {
        return new PackedIp(IpFamily.IPV4, 0, value);
    }

    /**
     * Go's {@code net.ParseIP}, which MetalLB uses for requested and ingress IPs: like {@link IpAddress#parse}, except
     * that an IPv4-mapped IPv6 address is an IPv4 address ({@code net.IP.To4} succeeds, and it prints as IPv4).
     */
    static Optional<PackedIp> parseNetIp(String text) {
        return IpAddress.parse(text).map(PackedIp::of).map(PackedIp::unmapIpv4);
    }

    private PackedIp unmapIpv4() {
        if (family == IpFamily.IPV6 && high == 0 && (low >>> 32) == IPV4_MAPPED_PREFIX) {
            return ipv4(low & IPV4_MAX);
        }
        return this;
    }

    /** The next address of the same family, or null after the family's last address. */
    PackedIp next() {
        if (family == IpFamily.IPV4) {
            return low == IPV4_MAX ? null : ipv4(low + 1);
        }
        if (low != -1L) {
            return new PackedIp(family, high, low + 1);
        }
        return high == -1L ? null : new PackedIp(family, high + 1, 0);
    }

    /** The previous address of the same family, or null before the family's first address. */
    PackedIp previous() {
        if (low != 0) {
            return new PackedIp(family, high, low - 1);
        }
        return high == 0 ? null : new PackedIp(family, high - 1, -1L);
    }

    /** The last octet of an IPv4 address, which decides whether it confuses buggy firmware. */
    int lastOctet() {
        return (int) (low & 0xff);
    }

    @Override
    public int compareTo(PackedIp other) {
        int byFamily = family.compareTo(other.family);
        if (byFamily != 0) {
            return byFamily;
        }
        int byHigh = Long.compareUnsigned(high, other.high);
        return byHigh != 0 ? byHigh : Long.compareUnsigned(low, other.low);
    }

    static PackedIp min(PackedIp a, PackedIp b) {
        if (a == null) {
            return b;
        }
        return b == null || a.compareTo(b) <= 0 ? a : b;
    }

    /** The text {@link IpAddress#toString()} gives, without going through BigInteger (results print millions). */
    @Override
    public String toString() {
        if (family == IpFamily.IPV4) {
            return ipv4Text(low);
        }
        if (high == 0 && (low >>> 32) == IPV4_MAPPED_PREFIX) {
            return "::ffff:" + ipv4Text(low & IPV4_MAX);
        }
        return ipv6Text();
    }

    private static String ipv4Text(long value) {
        return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
    }

    /** RFC 5952: lower-case hex groups, the longest run of two or more zero groups (the first on a tie) as "::". */
    private String ipv6Text() {
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (high >>> (48 - 16 * i)) & 0xffff;
            groups[i + 4] = (int) (low >>> (48 - 16 * i)) & 0xffff;
        }
        int runStart = -1;
        int runLength = 1;
        for (int i = 0; i < 8; ) {
            int end = i;
            while (end < 8 && groups[end] == 0) {
                end++;
            }
            if (end - i > runLength) {
                runStart = i;
                runLength = end - i;
            }
            i = Math.max(end, i + 1);
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }
}
