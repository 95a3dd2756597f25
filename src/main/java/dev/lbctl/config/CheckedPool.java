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

    List<Cidr> cidrs() {
        return cidrsByAddress.values().stream().flatMap(List::stream).toList();
    }

    boolean hasFamily(IpFamily family) {
        return cidrs().stream().anyMatch(c -> c.family() == family);
    }
}
