package dev.lbctl.status;

import java.math.BigInteger;
import java.util.List;

/**
 * One address pool and how much of it is in use.
 *
 * @param addresses the pool's addresses as written (CIDRs and ranges)
 * @param assigned distinct LoadBalancer ingress IPs inside the pool
 * @param total the addresses MetalLB can hand out from the pool (an IPv6 /64 alone is 2^64)
 */
public record PoolStatus(String name, List<String> addresses, long assigned, BigInteger total) {

    public PoolStatus {
        addresses = List.copyOf(addresses);
    }
}
