package dev.lbctl.config;

import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpFamily;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pool after its addresses were parsed for one MetalLB release: the prefixes each address entry summarizes to, in
 * {@code addresses} order (entries that did not parse are absent; a range that summarizes to nothing maps to an
 * empty list, as in MetalLB's {@code cidrsPerAddresses}).
 */
record CheckedPool(PoolSpec spec, Map<String, List<Cidr>> cidrsByAddress) {

    CheckedPool {
        cidrsByAddress = Collections.unmodifiableMap(new LinkedHashMap<>(cidrsByAddress));
    }

    String name() {
        return spec.name();
    }

    /** Every prefix in {@code addresses} order; an entry written twice gives its prefixes twice, as MetalLB's pool.CIDR. */
    List<Cidr> cidrs() {
        return spec.addresses().stream().filter(cidrsByAddress::containsKey)
                .flatMap(a -> cidrsByAddress.get(a).stream()).toList();
    }

    /** Whether an address entry is of this family, judged by its first prefix as MetalLB's isAggrLengthDifferent. */
    boolean hasFamily(IpFamily family) {
        return cidrsByAddress.values().stream().anyMatch(c -> !c.isEmpty() && GoFamily.of(c.get(0)) == family);
    }
}
