package dev.lbctl.status;

import dev.lbctl.cluster.Fields;
import java.util.Map;

/**
 * A BGPPeer as configured (v0.13+). Native BGP mode publishes no session state in the API (only FRR-K8s mode has
 * BGPSessionState), so whether a session is up is seen only through the announcements that name the peer.
 */
public record BgpPeerStatus(String name, String address, long peerAsn, long myAsn) {

    public static BgpPeerStatus from(Map<String, Object> bgpPeer) {
        Map<String, Object> spec = Fields.map(bgpPeer, "spec");
        return new BgpPeerStatus(Fields.name(bgpPeer), String.valueOf(Fields.string(spec, "peerAddress")),
                Fields.number(spec, "peerASN"), Fields.number(spec, "myASN"));
    }
}
