package dev.lbctl.status;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.IpFamily;
import java.math.BigInteger;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** How full a pool is, and which pool a Service's addresses came from. */
public final class PoolUsage {

    private static final BigInteger TWO = BigInteger.TWO;
    private static final BigInteger PER_SLASH_24 = BigInteger.valueOf(256);

    private PoolUsage() {
    }

    /** Distinct addresses among {@code ips} that lie inside the pool (text that is not an IP is ignored). */
    public static long assigned(AddressPool pool, Collection<String> ips) {
        Set<IpAddress> inside = new LinkedHashSet<>();
        for (String ip : ips) {
            IpAddress.parse(ip.strip()).filter(pool::contains).ifPresent(inside::add);
        }
        return inside.size();
    }

    /**
     * The addresses MetalLB can hand out: every address of the pool's prefixes, less those ending in .0 or .255 when
     * the pool avoids buggy IPs (MetalLB's {@code poolCount} does the same; it reports /64 and larger as MaxInt64,
     * lbctl gives the exact number).
     */
    public static BigInteger total(AddressPool pool) {
        BigInteger total = BigInteger.ZERO;
        for (Cidr cidr : pool.cidrs()) {
            total = total.add(cidr.size());
            if (pool.avoidBuggyIps() && cidr.family() == IpFamily.IPV4) {
                total = total.subtract(buggyAddresses(cidr));
            }
        }
        return total;
    }

    /** IPv4 addresses of the prefix whose last octet is 0 or 255. */
    private static BigInteger buggyAddresses(Cidr cidr) {
        if (cidr.prefixLength() <= 24) {
            return cidr.size().divide(PER_SLASH_24).multiply(TWO);
        }
        long n = 0;
        if (cidr.first().confusesBuggyFirmware()) {
            n++;
        }
        if (cidr.last().confusesBuggyFirmware() && !cidr.last().equals(cidr.first())) {
            n++;
        }
        return BigInteger.valueOf(n);
    }

    /**
     * The pool a Service's addresses came from: the one MetalLB annotated, else the first pool (in listed order) that
     * contains one of the addresses.
     */
    public static Optional<String> poolOf(LoadBalancerService service, List<AddressPool> pools) {
        if (service.allocatedFromPool().isPresent()) {
            return service.allocatedFromPool();
        }
        for (AddressPool pool : pools) {
            if (assigned(pool, service.ips()) > 0) {
                return Optional.of(pool.name());
            }
        }
        return Optional.empty();
    }
}
