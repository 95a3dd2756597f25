package dev.lbctl.pool;

import java.math.BigInteger;
import java.util.Optional;

/**
 * One IPv4 or IPv6 address as an unsigned integer of its family's width.
 *
 * <p>Parsing follows Go's {@code net/netip.ParseAddr}, which MetalLB (built with Go 1.25) uses: dotted decimal IPv4
 * without leading zeros, IPv6 with at most one {@code ::} and an optional trailing dotted IPv4, no zones. An IPv4-mapped
 * IPv6 address ({@code ::ffff:1.2.3.4}) stays IPv6, as in Go's {@code net.ParseCIDR}.
 */
public record IpAddress(IpFamily family, BigInteger value) implements Comparable<IpAddress> {

    private static final BigInteger V4_MASK = BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE);

    public IpAddress {
        if (value.signum() < 0 || value.bitLength() > family.bits()) {
            throw new IllegalArgumentException("value out of range for " + family + ": " + value);
        }
    }

    public static IpAddress of(IpFamily family, BigInteger value) {
        return new IpAddress(family, value);
    }

    /** Parses like Go's {@code netip.ParseAddr}; empty when the text is not an address. */
    public static Optional<IpAddress> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text).map(v -> new IpAddress(IpFamily.IPV6, v));
        }
        long v4 = parseV4(text);
        return v4 < 0 ? Optional.empty() : Optional.of(new IpAddress(IpFamily.IPV4, BigInteger.valueOf(v4)));
    }

    /** Parses like {@link #parse}, failing with a one-sentence message that names the text. */
    public static IpAddress parseOrThrow(String text) throws InvalidAddressException {
        return parse(text).orElseThrow(() -> new InvalidAddressException("invalid IP address \"" + text + "\""));
    }

    /** Returns the value as a 32-bit IPv4 number, or -1. */
    private static long parseV4(String s) {
        int len = s.length();
        if (len < 7 || len > 15) {
            return -1;
        }
        long result = 0;
        int octets = 0;
        int i = 0;
        while (i <= len) {
            int start = i;
            int value = 0;
            while (i < len && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                value = value * 10 + (s.charAt(i) - '0');
                i++;
                if (i - start > 3 || value > 255) {
                    return -1;
                }
            }
            int digits = i - start;
            if (digits == 0 || (digits > 1 && s.charAt(start) == '0')) {
                return -1;
            }
            result = (result << 8) | value;
            octets++;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != '.' || octets == 4) {
                return -1;
            }
            i++;
        }
        return octets == 4 ? result : -1;
    }

    private static Optional<BigInteger> parseV6(String s) {
        if (s.indexOf('%') >= 0) {
            return Optional.empty(); // zones are rejected by ParseCIDR and meaningless in a pool
        }
        int[] groups = new int[8];
        int count = 0;
        int ellipsis = -1;
        int i = 0;
        int len = s.length();
        if (len >= 2 && s.charAt(0) == ':' && s.charAt(1) == ':') {
            ellipsis = 0;
            i = 2;
            if (i == len) {
                return Optional.of(BigInteger.ZERO);
            }
        }
        while (i < len) {
            int start = i;
            int value = 0;
            while (i < len && Character.digit(s.charAt(i), 16) >= 0) {
                value = (value << 4) | Character.digit(s.charAt(i), 16);
                i++;
                if (i - start > 4) {
                    return Optional.empty();
                }
            }
            if (i == start) {
                return Optional.empty();
            }
            if (i < len && s.charAt(i) == '.') {
                // Trailing dotted IPv4: must be last and needs room for two groups.
                if (count > 6 || (ellipsis < 0 && count != 6)) {
                    return Optional.empty();
                }
                long v4 = parseV4(s.substring(start));
                if (v4 < 0) {
                    return Optional.empty();
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                i = len;
                break;
            }
            if (count == 8) {
                return Optional.empty();
            }
            groups[count++] = value;
            if (i == len) {
                break;
            }
            if (s.charAt(i) != ':' || i + 1 == len) {
                return Optional.empty();
            }
            i++;
            if (s.charAt(i) == ':') {
                if (ellipsis >= 0) {
                    return Optional.empty();
                }
                ellipsis = count;
                i++;
                if (i == len) {
                    break;
                }
            }
        }
        if (ellipsis < 0 && count != 8) {
            return Optional.empty();
        }
        if (ellipsis >= 0) {
            if (count == 8) {
                return Optional.empty(); // "::" must stand for at least one group
            }
            int shift = 8 - count;
            for (int j = count - 1; j >= ellipsis; j--) {
                groups[j + shift] = groups[j];
            }
            for (int j = ellipsis; j < ellipsis + shift; j++) {
                groups[j] = 0;
            }
        }
        BigInteger v = BigInteger.ZERO;
        for (int g : groups) {
            v = v.shiftLeft(16).or(BigInteger.valueOf(g));
        }
        return Optional.of(v);
    }

    public IpAddress plus(long n) {
        return new IpAddress(family, value.add(BigInteger.valueOf(n)));
    }

    public boolean isMaxOfFamily() {
        return value.bitLength() == family.bits() && value.bitCount() == family.bits();
    }

    /** MetalLB's {@code ipConfusesBuggyFirmwares}: an IPv4 address whose last octet is 0 or 255. */
    public boolean confusesBuggyFirmware() {
        if (family != IpFamily.IPV4) {
            return false;
        }
        int last = value.intValue() & 0xff;
        return last == 0 || last == 255;
    }

    @Override
    public int compareTo(IpAddress other) {
        int byFamily = family.compareTo(other.family);
        return byFamily != 0 ? byFamily : value.compareTo(other.value);
    }

    /** Go's textual form: dotted IPv4; RFC 5952 IPv6 (longest run of two or more zero groups as {@code ::}). */
    @Override
    public String toString() {
        if (family == IpFamily.IPV4) {
            long v = value.longValue();
            return ((v >>> 24) & 0xff) + "." + ((v >>> 16) & 0xff) + "." + ((v >>> 8) & 0xff) + "." + (v & 0xff);
        }
        if (value.shiftRight(32).equals(BigInteger.valueOf(0xffff))) {
            return "::ffff:" + new IpAddress(IpFamily.IPV4, value.and(V4_MASK));
        }
        int[] groups = new int[8];
        for (int j = 0; j < 8; j++) {
            groups[j] = value.shiftRight(16 * (7 - j)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int j = 0; j < 8; ) {
            if (groups[j] != 0) {
                j++;
                continue;
            }
            int k = j;
            while (k < 8 && groups[k] == 0) {
                k++;
            }
            if (k - j > bestLen) {
                bestStart = j;
                bestLen = k - j;
            }
            j = k;
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < 8; j++) {
            if (j == bestStart) {
                sb.append("::");
                j += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[j]));
        }
        return sb.toString();
    }
}
