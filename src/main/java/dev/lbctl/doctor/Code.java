package dev.lbctl.doctor;

/** The stable codes of {@link Finding}s (documented in the README; never renamed). */
public enum Code {
    // Installation
    METALLB_NOT_INSTALLED("metallb-not-installed"),
    CONTROLLER_NOT_READY("controller-not-ready"),
    SPEAKER_MISSING("speaker-missing"),
    SPEAKER_NOT_READY("speaker-not-ready"),
    SPEAKER_MISSING_ON_NODES("speaker-missing-on-nodes"),
    PODS_NOT_CREATED("pods-not-created"),
    MEMBERLIST_SECRET_MISSING("memberlist-secret-missing"),
    WEBHOOK_NO_ENDPOINTS("webhook-no-endpoints"),
    WEBHOOK_NO_CA_BUNDLE("webhook-no-ca-bundle"),
    CONFIGURATION_INVALID("configuration-invalid"),
    STRICT_ARP_DISABLED("strict-arp-disabled"),
    OTHER_LOAD_BALANCER("other-load-balancer"),
    LOAD_BALANCER_CLASS_NOT_SERVED("load-balancer-class-not-served"),
    NO_POOLS("no-pools"),
    // Allocation
    SERVICE_NOT_FOUND("service-not-found"),
    NOT_LOAD_BALANCER("not-load-balancer"),
    POOL_EXHAUSTED("pool-exhausted"),
    IP_OUTSIDE_POOLS("ip-outside-pools"),
    POOL_NOT_FOUND("pool-not-found"),
    NO_AUTO_ASSIGN_POOL("no-auto-assign-pool"),
    SERVICE_ALLOCATION_MISMATCH("service-allocation-mismatch"),
    SHARING_CONFLICT("sharing-conflict"),
    IP_FAMILY_MISMATCH("ip-family-mismatch"),
    ALLOCATION_FAILED("allocation-failed"),
    ALLOCATION_EVENT_DISAGREES("allocation-event-disagrees"),
    // Announcement (Layer 2)
    NOT_LAYER2("not-layer2"),
    NO_L2_ADVERTISEMENT("no-l2-advertisement"),
    NODE_SELECTORS_MATCH_NO_NODE("node-selectors-match-no-node"),
    // BGP
    BGP_PEER_SELECTS_NO_NODE("bgp-peer-selects-no-node"),
    BGP_PASSWORD_SECRET_INVALID("bgp-password-secret-invalid"),
    BGP_NO_PEER("bgp-no-peer"),
    NO_READY_SPEAKER("no-ready-speaker"),
    NODES_EXCLUDED_BY_LABEL("nodes-excluded-by-label"),
    NODES_NETWORK_UNAVAILABLE("nodes-network-unavailable"),
    NODES_CORDONED("nodes-cordoned"),
    NO_READY_ENDPOINT("no-ready-endpoint"),
    NO_LOCAL_ENDPOINT("no-local-endpoint"),
    ANNOUNCE_FAILED("announce-failed"),
    ANNOUNCING_NODE_MISMATCH("announcing-node-mismatch");

    private final String id;

    Code(String id) {
        this.id = id;
    }

    /** The code as printed and in JSON. */
    public String id() {
        return id;
    }
}
