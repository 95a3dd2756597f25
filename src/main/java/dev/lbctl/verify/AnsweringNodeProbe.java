package dev.lbctl.verify;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.NodeInfo;
import dev.lbctl.status.Layer2Announcement;
import dev.lbctl.status.ServiceEvents;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Gathers what {@link AnsweringNode} judges: the neighbour entry this machine learned for the LoadBalancer IP, the
 * nodes' MACs, and MetalLB's {@code nodeAssigned} event and ServiceL2Status for the Service.
 *
 * <p>A node's MAC is learned the way the IP's was: this machine sends a TCP connection attempt to the node's
 * InternalIP (port 10250, the kubelet's; a refusal is as good as an answer, only the ARP exchange before it matters)
 * and reads the neighbour table again. It does so only when it learned the IP's MAC, i.e. when it is on the IP's
 * segment, and only for IPv4 InternalIPs ({@code /proc/net/arp} has no IPv6 entries).
 */
final class AnsweringNodeProbe {

    private static final String METALLB_API = "metallb.io/v1beta1";
    private static final int KUBELET_PORT = 10250;
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(300);
    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration PAUSE = Duration.ofMillis(500);

    private final Cluster cluster;
    private final Supplier<NeighbourTable> neighbours;

    AnsweringNodeProbe(Cluster cluster, Supplier<NeighbourTable> neighbours) {
        this.cluster = cluster;
        this.neighbours = neighbours;
    }

    /**
     * Looks until the answer agrees with MetalLB or {@link #SETTLE} (at most until {@code deadline}) passed: MetalLB
     * writes its event and status a moment after the speaker starts answering.
     */
    AnsweringNode.Verdict judge(String metallbNamespace, String namespace, String service, String ip, Instant deadline) {
        Instant until = Instant.now().plus(SETTLE);
        if (deadline.isBefore(until)) {
            until = deadline;
        }
        Map<String, String> nodeMacs = null;
        while (true) {
            NeighbourTable table = neighbours.get();
            Optional<NeighbourTable.Entry> learned = table.entry(ip);
            if (learned.isPresent() && nodeMacs == null) {
                nodeMacs = nodeMacs();
            }
            Optional<Layer2Announcement> status = announcement(metallbNamespace, namespace, service);
            AnsweringNode answer = new AnsweringNode(ip, learned, nodeMacs == null ? Map.of() : nodeMacs,
                    ServiceEvents.announcingNode(cluster.events(namespace, "Service", service)),
                    status.map(Layer2Announcement::node), status.map(Layer2Announcement::interfaces).orElse(List.of()));
            AnsweringNode.Verdict verdict = answer.judge();
            boolean settled = verdict.passed() && (answer.eventNode().isPresent() || answer.statusNode().isPresent());
            if (settled || learned.isEmpty() || !Instant.now().plus(PAUSE).isBefore(until)) {
                return verdict;
            }
            pause();
        }
    }

    private Optional<Layer2Announcement> announcement(String metallbNamespace, String namespace, String service) {
        if (!cluster.serves(METALLB_API, "ServiceL2Status")) {
            return Optional.empty();
        }
        return Optional.ofNullable(Layer2Announcement.byService(cluster.list(METALLB_API, "ServiceL2Status", metallbNamespace))
                .get(namespace + "/" + service));
    }

    private Map<String, String> nodeMacs() {
        List<NodeInfo> nodes = cluster.nodes();
        NeighbourTable table = neighbours.get();
        boolean probed = false;
        for (NodeInfo node : nodes) {
            for (String ip : node.internalIps()) {
                if (!ip.contains(":") && table.entry(ip).isEmpty()) {
                    touch(ip);
                    probed = true;
                }
            }
        }
        if (probed) {
            table = neighbours.get();
        }
        Map<String, String> macs = new LinkedHashMap<>();
        for (NodeInfo node : nodes) {
            for (String ip : node.internalIps()) {
                Optional<NeighbourTable.Entry> e = table.entry(ip);
                if (e.isPresent()) {
                    macs.put(node.name(), e.get().mac());
                    break;
                }
            }
        }
        return macs;
    }

    /** A TCP connection attempt, so that the kernel resolves the address's MAC; its outcome does not matter. */
    private static void touch(String ip) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(ip, KUBELET_PORT), (int) CONNECT_TIMEOUT.toMillis());
        } catch (IOException e) {
            // refused or timed out: the neighbour entry is what counts
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
