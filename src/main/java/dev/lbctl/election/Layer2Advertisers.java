package dev.lbctl.election;

import dev.lbctl.config.L2AdvertisementSpec;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.PoolSpec;
import java.util.List;
import java.util.Optional;

/** Which L2Advertisements announce a pool, in a configuration as lbctl reads it from files or from the cluster. */
public final class Layer2Advertisers {

    private Layer2Advertisers() {
    }

    /**
     * The advertisers of the named pool: for a pool with a protocol (ConfigMap pools, the deprecated AddressPool) one
     * that covers every node when the protocol is layer2; for an IPAddressPool, the L2Advertisements that select it.
     * Empty when the configuration has no such pool or the pool has no Layer 2 announcement at all.
     */
    public static List<Advertiser> forPool(MetalLbConfig config, String poolName) {
        Optional<PoolSpec> pool = config.poolSpecs().stream().filter(p -> p.name().equals(poolName)).findFirst();
        if (pool.isEmpty()) {
            return List.of();
        }
        if (pool.get().kind().hasProtocol()) {
            return "layer2".equals(pool.get().protocol())
                    ? List.of(new Advertiser(poolName + " (protocol layer2)", List.of(), List.of())) : List.of();
        }
        return config.l2Advertisements().stream().filter(a -> a.selects(pool.get()))
                .map(Layer2Advertisers::advertiser).toList();
    }

    /** Whether the pool is announced by BGP only, so no Layer 2 election takes place for it. */
    public static boolean bgpOnly(MetalLbConfig config, String poolName) {
        return config.poolSpecs().stream().filter(p -> p.name().equals(poolName)).findFirst()
                .map(p -> p.kind().hasProtocol() ? "bgp".equals(p.protocol())
                        : config.l2Advertisements().stream().noneMatch(a -> a.selects(p))
                                && config.bgpAdvertisements().stream().anyMatch(a -> a.selects(p)))
                .orElse(false);
    }

    private static Advertiser advertiser(L2AdvertisementSpec spec) {
        return new Advertiser(spec.name(), spec.nodeSelectors(), spec.serviceSelectors());
    }
}
