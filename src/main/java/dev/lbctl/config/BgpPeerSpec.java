package dev.lbctl.config;

import dev.lbctl.pool.LabelSelector;
import java.util.List;

/**
 * A BGP peer: a BGPPeer resource or a {@code peers} entry of the ConfigMap. Strings are as written and null when not
 * given; durations stay text because MetalLB parses them itself (ConfigMap) or the API server does (CRD).
 *
 * @param name empty for ConfigMap peers, which MetalLB numbers instead
 * @param passwordSecret name of the Secret in {@code passwordSecret}, or null
 */
public record BgpPeerSpec(
        String name,
        long myAsn,
        long peerAsn,
        String dynamicAsn,
        String address,
        String iface,
        String sourceAddress,
        long port,
        String holdTime,
        String keepaliveTime,
        String connectTime,
        String routerId,
        List<LabelSelector> nodeSelectors,
        String password,
        String passwordSecret,
        String bfdProfile,
        boolean ebgpMultiHop,
        String vrf,
        boolean enableGracefulRestart,
        boolean disableMp,
        Origin origin) {

    public BgpPeerSpec {
        nodeSelectors = List.copyOf(nodeSelectors);
    }
}
