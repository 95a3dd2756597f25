package dev.lbctl.pool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A prefix: a network address (host bits zero) and a prefix length. */
public record Cidr(IpAddress network, int prefixLength) implements Comparable<Cidr> {

    public Cidr {
        int bits = network.family().bits();
        if (prefixLength < 0 || prefixLength > bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + network.family());
        }
        if (network.value().and(hostMask(bits, prefixLength)).signum() != 0) {
            throw new IllegalArgumentException("host bits set in " + network + "/" + prefixLength);
        }
    }

    /** Go's {@code net.ParseCIDR}: address, '/', decimal length; host bits are cleared. Empty when invalid. */
    public static Optional<Cidr> parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String lengthText = text.substring(slash + 1);
        if (lengthText.isEmpty() || lengthText.length() > 3 || !lengthText.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        int length = Integer.parseInt(lengthText);
        return IpAddress.parse(text.substring(0, slash))
                .filter(ip -> length <= ip.family().bits())
                .map(ip -> containing(ip, length));
    }

    /** The prefix of the given length that contains {@code ip}. */
    public static Cidr containing(IpAddress ip, int prefixLength) {
        int bits = ip.family().bits();
        return new Cidr(IpAddress.of(ip.family(), ip.value().andNot(hostMask(bits, prefixLength))), prefixLength);
    }

    public static Cidr single(IpAddress ip) {
        return new Cidr(ip, ip.family().bits());
    }

    public IpFamily family() {
        return network.family();
    }

    public IpAddress first() {
        return network;
    }

    public IpAddress last() {
        return IpAddress.of(family(), network.value().or(hostMask(family().bits(), prefixLength)));
    }

    /** Number of addresses, 2^(bits - prefix). */
    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - prefixLength);
    }

    public boolean contains(IpAddress ip) {
        return ip.family() == family() && ip.compareTo(first()) >= 0 && ip.compareTo(last()) <= 0;
    }

    /** MetalLB's {@code cidrsOverlap}: one prefix contains the other (prefixes cannot partly overlap). */
    public boolean overlaps(Cidr other) {
        return contains(other.first()) || other.contains(first());
    }

    /**
     * The smallest list of prefixes that exactly cover [start, end], ascending, as {@code ipaddr.Summarize} returns
     * them; empty when the two addresses are of different families or start is after end.
     */
    public static List<Cidr> summarize(IpAddress start, IpAddress end) {
        List<Cidr> out = new ArrayList<>();
        if (start.family() != end.family() || start.compareTo(end) > 0) {
            return out;
        }
        int bits = start.family().bits();
        BigInteger cur = start.value();
        BigInteger last = end.value();
        while (cur.compareTo(last) <= 0) {
            // The largest block aligned at cur that does not run past last.
            int hostBits = cur.signum() == 0 ? bits : cur.getLowestSetBit();
            BigInteger remaining = last.subtract(cur).add(BigInteger.ONE);
            hostBits = Math.min(hostBits, remaining.bitLength() - 1);
            out.add(new Cidr(IpAddress.of(start.family(), cur), bits - hostBits));
            cur = cur.add(BigInteger.ONE.shiftLeft(hostBits));
        }
        return out;
    }

    private static BigInteger hostMask(int bits, int prefixLength) {
        return BigInteger.ONE.shiftLeft(bits - prefixLength).subtract(BigInteger.ONE);
    }

    @Override
    public int compareTo(Cidr other) {
        int byStart = network.compareTo(other.network);
        return byStart != 0 ? byStart : Integer.compare(prefixLength, other.prefixLength);
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
