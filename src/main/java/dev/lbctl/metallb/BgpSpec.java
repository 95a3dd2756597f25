package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import java.util.Map;
import java.util.Optional;

/**
 * How install announces lbctl's pools by BGP: one peer (a router), the ASNs of both sides, and what every pool's
 * BGPAdvertisement carries. Only what rendering relies on is checked here; MetalLB's own rules (addresses, durations,
 * communities, aggregation lengths against the pools) are the config validator's.
 *
 * @param peerAddress the router's address
 * @param peerPort empty for MetalLB's default (179)
 * @param holdTime a Go duration such as {@code 90s}; empty for MetalLB's default
 * @param nodeSelector labels of the nodes that peer with the router; empty for every node
 * @param community a community for every announced route ({@code 64512:100} or a large community); empty for none
 * @param aggregationLength the IPv4 prefix length announced; empty for /32
 * @param layer2 whether the pools keep their Layer 2 announcements too
 * @param passwordSecret a Secret of type kubernetes.io/basic-auth in MetalLB's namespace whose {@code password} key
 *     is the session's TCP MD5 password; lbctl checks it exists but never creates it; empty for no password
 */
public record BgpSpec(String peerAddress, long peerAsn, long myAsn, Optional<Integer> peerPort, Optional<String> holdTime,
                      Map<String, String> nodeSelector, Optional<String> community, Optional<Integer> aggregationLength,
                      boolean layer2, Optional<String> passwordSecret) {

    private static final long MAX_ASN = 4_294_967_295L;

    public BgpSpec {
        checkAsn("--peer-asn", peerAsn);
        checkAsn("--my-asn", myAsn);
        peerPort.filter(p -> p < 1 || p > 65535).ifPresent(p -> {
            throw new InvalidInputException(Messages.get("bgp.badPort", p));
        });
        nodeSelector = Map.copyOf(nodeSelector);
        passwordSecret.filter(n -> !n.matches("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?")).ifPresent(n -> {
            throw new InvalidInputException(Messages.get("install.bgp.secretName", n));
        });
    }

    private static void checkAsn(String option, long asn) {
        if (asn < 1 || asn > MAX_ASN) {
            throw new InvalidInputException(Messages.get("bgp.badAsn", option, asn, MAX_ASN));
        }
    }

    /** The BGPPeer's name: lbctl's, derived from the address so that a second peer would get a name of its own. */
    public String peerName() {
        return "lbctl-peer-" + peerAddress.toLowerCase(java.util.Locale.ROOT).replaceAll("[^0-9a-z]+", "-");
    }
}
