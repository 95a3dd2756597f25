package dev.lbctl.status;

import java.util.List;

/**
 * Everything {@code lbctl status} shows, gathered from the cluster by {@link StatusReader}: plain data, no rendering.
 *
 * @param bgpPeers the BGPPeers (CRD releases), by name
 * @param warnings what lbctl could not read or found odd (e.g. a pool it could not parse), one sentence each
 */
public record StatusReport(MetalLbStatus metallb, List<PoolStatus> pools, List<ServiceStatus> services,
        List<BgpPeerStatus> bgpPeers, List<String> warnings) {

    public StatusReport {
        pools = List.copyOf(pools);
        services = List.copyOf(services);
        bgpPeers = List.copyOf(bgpPeers);
        warnings = List.copyOf(warnings);
    }

    public StatusReport(MetalLbStatus metallb, List<PoolStatus> pools, List<ServiceStatus> services, List<String> warnings) {
        this(metallb, pools, services, List.of(), warnings);
    }

    /**
     * The outcome the exit code follows: MetalLB is installed, its controller and speakers are ready, and it has at
     * least one pool (without one, no Service can get an address).
     */
    public boolean healthy() {
        return metallb.installed() && metallb.ready() && !pools.isEmpty();
    }
}
