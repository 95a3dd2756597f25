package dev.lbctl.pool;

import java.math.BigInteger;
import java.util.List;

/**
 * Parses one entry of a pool's {@code addresses} exactly as MetalLB's {@code config.ParseCIDR} does, with the same
 * messages: no '-' means a CIDR ({@code invalid CIDR %q}, so a bare IP is invalid); otherwise a range split at the
 * first '-', each side trimmed, summarized into prefixes.
 */
public final class MetalLbAddresses {

    private MetalLbAddresses() {
    }

    public static List<Cidr> parse(String text, MetalLbVersion version) throws InvalidAddressException {
        int dash = text.indexOf('-');
        if (dash < 0) {
            return List.of(Cidr.parse(text).orElseThrow(
                    () -> new InvalidAddressException("invalid CIDR " + GoQuote.q(text))));
        }
        String startText = text.substring(0, dash);
        String endText = text.substring(dash + 1);
        IpAddress start = unmapped(IpAddress.parse(startText.strip()).orElseThrow(() -> new InvalidAddressException(
                "invalid IP range " + GoQuote.q(text) + ": invalid start IP " + GoQuote.q(startText))));
        IpAddress end = unmapped(IpAddress.parse(endText.strip()).orElseThrow(() -> new InvalidAddressException(
                "invalid IP range " + GoQuote.q(text) + ": invalid end IP " + GoQuote.q(endText))));
        // MetalLB compares the 16-byte forms (IPv4 as ::ffff:a.b.c.d). v0.9/v0.10 had no check, v0.11.0 used >=.
        int order = as16Bytes(start).compareTo(as16Bytes(end));
        boolean reversed = version.atLeast(0, 12, 0) ? order > 0 : version.atLeast(0, 11, 0) && order >= 0;
        if (reversed) {
            throw new InvalidAddressException("invalid IP range " + GoQuote.q(text) + ": start IP " + GoQuote.q(start.toString())
                    + " is after the end IP " + GoQuote.q(end.toString()));
        }
        return Cidr.summarize(start, end);
    }

    /**
     * Range ends are parsed with {@code net.ParseIP}, whose IPv4-mapped form ({@code ::ffff:10.0.0.1}) is an IPv4
     * address to {@code ipaddr.Summarize} (it tests {@code To4()}) and prints as dotted IPv4 in messages.
     */
    private static IpAddress unmapped(IpAddress ip) {
        BigInteger v4Mapped = BigInteger.valueOf(0xffffL);
        if (ip.family() == IpFamily.IPV6 && ip.value().shiftRight(32).equals(v4Mapped)) {
            return IpAddress.of(IpFamily.IPV4, ip.value().and(BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE)));
        }
        return ip;
    }

    private static BigInteger as16Bytes(IpAddress ip) {
        return ip.family() == IpFamily.IPV4 ? ip.value().or(BigInteger.valueOf(0xffffL).shiftLeft(32)) : ip.value();
    }
}
