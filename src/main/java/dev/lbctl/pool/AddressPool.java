package dev.lbctl.pool;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * One address pool after parsing: its name, the address strings as written, and the prefixes they summarize to in
 * {@code addresses} order (the order MetalLB walks when it picks the lowest free address).
 *
 * @param protocol legacy ConfigMap pools only ({@code layer2} or {@code bgp}); empty for IPAddressPool
 * @param serviceAllocation empty when the pool has no {@code serviceAllocation}
 */
public record AddressPool(
        String name,
        List<String> addresses,
        List<Cidr> cidrs,
        boolean autoAssign,
        boolean avoidBuggyIps,
        Optional<String> protocol,
        Optional<ServiceAllocation> serviceAllocation) {

    public AddressPool {
        addresses = List.copyOf(addresses);
        cidrs = List.copyOf(cidrs);
    }

    /** A pool from the command line: auto-assigned, no buggy-IP avoidance, no service allocation. */
    public static AddressPool of(String name, List<String> addresses, List<Cidr> cidrs) {
        return new AddressPool(name, addresses, cidrs, true, false, Optional.empty(), Optional.empty());
    }

    public boolean contains(IpAddress ip) {
        if (avoidBuggyIps && ip.confusesBuggyFirmware()) {
            return false;
        }
        return cidrs.stream().anyMatch(c -> c.contains(ip));
    }

    /** Total addresses, counting each prefix once (prefixes in a valid pool never overlap). */
    public BigInteger size() {
        return cidrs.stream().map(Cidr::size).reduce(BigInteger.ZERO, BigInteger::add);
    }
}
