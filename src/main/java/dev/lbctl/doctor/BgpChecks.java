package dev.lbctl.doctor;

import dev.lbctl.config.BgpAdvertisementSpec;
import dev.lbctl.config.BgpPeerSpec;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.PoolSpec;
import dev.lbctl.election.NodeState;
import dev.lbctl.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Why a BGP session cannot come up, or why a pool reaches no router, as far as the configuration shows it. MetalLB's
 * native mode publishes no session state (v0.16.1 native has no BGPSessionState), so what the router itself refuses
 * (a wrong ASN, a password mismatch) is not visible here; what MetalLB refuses before it dials is.
 */
final class BgpChecks {

    private final ClusterFacts facts;
    private final MetalLbConfig config;
    private final List<Finding> out = new ArrayList<>();

    private BgpChecks(ClusterFacts facts, MetalLbConfig config) {
        this.facts = facts;
        this.config = config;
    }

    static List<Finding> check(ClusterFacts facts, MetalLbConfig config) {
        BgpChecks checks = new BgpChecks(facts, config);
        config.peers().forEach(checks::peer);
        config.poolSpecs().forEach(checks::poolReachesARouter);
        return checks.out;
    }

    private void peer(BgpPeerSpec peer) {
        String object = peer.name().isEmpty() ? "peer " + peer.address() : "BGPPeer " + facts.metallbNamespace() + "/" + peer.name();
        List<NodeState> speakers = facts.nodeStates().stream().filter(NodeState::speaker).toList();
        if (!peer.nodeSelectors().isEmpty() && !speakers.isEmpty()
                && speakers.stream().noneMatch(n -> peer.nodeSelectors().stream().anyMatch(s -> s.matches(n.labels())))) {
            out.add(Finding.error(Code.BGP_PEER_SELECTS_NO_NODE, object,
                    Messages.get("doctor.bgpPeerSelectsNoNode", peer.address()),
                    Messages.get("doctor.bgpPeerSelectsNoNode.fix")));
        }
        if (peer.passwordSecret() != null && !peer.passwordSecret().isEmpty()) {
            secretProblem(peer).ifPresent(problem -> out.add(Finding.error(Code.BGP_PASSWORD_SECRET_INVALID, object,
                    Messages.get("doctor.bgpPasswordSecret", problem, peer.address()),
                    Messages.get("doctor.bgpPasswordSecret.fix", facts.metallbNamespace(), peer.passwordSecret()))));
        }
    }

    /** MetalLB's own error for the peer's password Secret (passwordFromSecretForPeer, v0.16.1), when it has one. */
    private Optional<String> secretProblem(BgpPeerSpec peer) {
        String ns = facts.metallbNamespace();
        Snapshot.PeerSecret secret = facts.snapshot().peerSecrets().get(peer.passwordSecret());
        if (secret == null) {
            return Optional.of("secret ref not found for peer config \"%s\"/\"%s\"".formatted(ns, peer.name()));
        }
        if (!Snapshot.PeerSecret.BASIC_AUTH.equals(secret.type())) {
            return Optional.of("secret type mismatch on \"%s\"/\"%s\", type \"%s\" is expected"
                    .formatted(ns, peer.passwordSecret(), Snapshot.PeerSecret.BASIC_AUTH));
        }
        if (!secret.hasPassword()) {
            return Optional.of("password not specified in the secret \"%s\"/\"%s\"".formatted(ns, peer.passwordSecret()));
        }
        return Optional.empty();
    }

    /** A pool announced by BGP whose advertisements name no existing peer reaches no router. */
    private void poolReachesARouter(PoolSpec pool) {
        Set<String> peers = config.peers().stream().map(BgpPeerSpec::name).collect(Collectors.toSet());
        boolean bgp;
        boolean toSomePeer;
        if (pool.kind().hasProtocol()) {
            bgp = "bgp".equals(pool.protocol());
            toSomePeer = !config.peers().isEmpty();
        } else {
            List<BgpAdvertisementSpec> advertisements = config.bgpAdvertisements().stream().filter(a -> a.selects(pool)).toList();
            bgp = !advertisements.isEmpty();
            // An advertisement without peers goes to every peer; with peers, only to those that exist.
            toSomePeer = !peers.isEmpty() && advertisements.stream()
                    .anyMatch(a -> a.peers().isEmpty() || a.peers().stream().anyMatch(peers::contains));
        }
        if (bgp && !toSomePeer) {
            out.add(Finding.error(Code.BGP_NO_PEER, "pool " + pool.name(), Messages.get(config.peers().isEmpty()
                    ? "doctor.bgpNoPeer" : "doctor.bgpNoNamedPeer", pool.name()), Messages.get("doctor.bgpNoPeer.fix")));
        }
    }
}
