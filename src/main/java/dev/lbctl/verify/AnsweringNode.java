package dev.lbctl.verify;

import dev.lbctl.i18n.Messages;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which node answered ARP for the LoadBalancer IP, and whether that is the node MetalLB says announces it. Pure: the
 * inputs are gathered by {@link AnsweringNodeProbe}.
 *
 * <p>In Layer 2 mode exactly one speaker answers ARP for the IP with its node's MAC, so the MAC this machine learned
 * for the IP (after the HTTP check talked to it) names the node, once the nodes' own MACs are known (learned the same
 * way, from their InternalIPs). MetalLB names its choice twice: the speaker's {@code nodeAssigned} event and the
 * ServiceL2Status. A machine that is not on the IP's L2 segment (it reaches the IP through a router) never learns the
 * IP's MAC: then nothing can be told, which is information and never a failure.
 *
 * @param ip the LoadBalancer IP
 * @param learnedMac the MAC this machine learned for {@code ip}, with the interface; empty when it has none
 * @param nodeMacs each node's MAC as learned from its InternalIP (only the nodes on this machine's segment)
 * @param eventNode the node of MetalLB's latest Layer 2 {@code nodeAssigned} event
 * @param statusNode the node in the Service's ServiceL2Status
 * @param statusInterfaces the interfaces in that ServiceL2Status (empty: every interface)
 */
public record AnsweringNode(String ip, Optional<NeighbourTable.Entry> learnedMac, Map<String, String> nodeMacs,
        Optional<String> eventNode, Optional<String> statusNode, List<String> statusInterfaces) {

    public AnsweringNode {
        nodeMacs = Map.copyOf(nodeMacs);
        statusInterfaces = List.copyOf(statusInterfaces);
    }

    /** The outcome of the check: {@code passed} false only when the answering node is known and MetalLB names another. */
    public record Verdict(boolean passed, Optional<String> node, String message) {
    }

    public Verdict judge() {
        String metallb = metallbSays();
        if (learnedMac.isEmpty()) {
            return new Verdict(true, Optional.empty(), Messages.get("verify.answering.noNeighbour", ip, metallb));
        }
        NeighbourTable.Entry learned = learnedMac.get();
        Optional<String> answered = nodeMacs.entrySet().stream().filter(e -> e.getValue().equals(learned.mac()))
                .map(Map.Entry::getKey).sorted().findFirst();
        String seen = Messages.get("verify.answering.seen", ip, learned.mac(), learned.device());
        if (answered.isEmpty()) {
            return new Verdict(true, Optional.empty(), Messages.get("verify.answering.noNode", seen, nodeMacs.size(), metallb));
        }
        String node = answered.get();
        if (eventNode.isEmpty() && statusNode.isEmpty()) {
            return new Verdict(true, answered, Messages.get("verify.answering.node", seen, node, metallb));
        }
        boolean eventAgrees = eventNode.map(node::equals).orElse(true);
        boolean statusAgrees = statusNode.map(node::equals).orElse(true);
        if (eventAgrees && statusAgrees) {
            return new Verdict(true, answered, Messages.get("verify.answering.agrees", seen, node, metallbNames()));
        }
        return new Verdict(false, answered, Messages.get("verify.answering.disagrees", seen, node, metallbNames()));
    }

    private String metallbSays() {
        if (eventNode.isEmpty() && statusNode.isEmpty()) {
            return Messages.get("verify.answering.noAnnouncement");
        }
        return Messages.get("verify.answering.announcesFrom", metallbNames());
    }

    private String metallbNames() {
        StringBuilder sb = new StringBuilder();
        eventNode.ifPresent(n -> sb.append("nodeAssigned event: ").append(n));
        statusNode.ifPresent(n -> {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append("ServiceL2Status: ").append(n);
            if (!statusInterfaces.isEmpty()) {
                sb.append(" on ").append(String.join(", ", statusInterfaces));
            }
        });
        return sb.toString();
    }
}
