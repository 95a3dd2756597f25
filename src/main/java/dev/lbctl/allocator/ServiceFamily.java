package dev.lbctl.allocator;

import dev.lbctl.pool.IpFamily;
import java.util.List;

/** MetalLB's {@code ipfamily.Family} of a Service or of a set of IPs, with its Go names used in messages. */
enum ServiceFamily {
    IPV4("ipv4"),
    IPV6("ipv6"),
    DUAL("dual");

    private final String goName;

    ServiceFamily(String goName) {
        this.goName = goName;
    }

    static ServiceFamily of(IpFamily family) {
        return family == IpFamily.IPV4 ? IPV4 : IPV6;
    }

    IpFamily single() {
        return this == IPV6 ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    /** MetalLB's {@code ipfamily.ForAddresses}, with its messages. */
    static ServiceFamily ofAddresses(List<String> ips) throws AllocationError {
        if (ips.size() == 1) {
            return of(parse(ips.get(0), ips).family());
        }
        if (ips.size() == 2) {
            IpFamily first = parse(ips.get(0), ips).family();
            IpFamily second = parse(ips.get(1), ips).family();
            if (first == second) {
                throw new AllocationError("IPFamilyForAddresses: same address family " + GoText.quotedList(ips));
            }
            return DUAL;
        }
        throw new AllocationError("IPFamilyForAddresses: invalid ips length " + ips.size() + " " + GoText.quotedList(ips));
    }

    private static PackedIp parse(String ip, List<String> all) throws AllocationError {
        PackedIp parsed = PackedIp.parseNetIp(ip).orElse(null);
        if (parsed == null) {
            throw new AllocationError("IPFamilyForAddresses: Invalid address " + GoText.quotedList(all));
        }
        return parsed;
    }

    @Override
    public String toString() {
        return goName;
    }
}
