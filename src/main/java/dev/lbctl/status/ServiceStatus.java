package dev.lbctl.status;

import java.util.List;
import java.util.Optional;

/**
 * One LoadBalancer Service as MetalLB handles it.
 *
 * @param ips the ingress IPs in {@code status.loadBalancer.ingress}; empty while the Service is pending
 * @param pool from MetalLB's {@code ip-allocated-from-pool} annotation, else the first pool that contains an IP
 * @param node the node announcing the Service in Layer 2 (ServiceL2Status, else the speaker's nodeAssigned event)
 * @param reason for a pending Service, the message of its last AllocationFailed event
 * @param interfaces the interfaces the node announces on, from ServiceL2Status; empty when the L2Advertisement names
 *     none (MetalLB then answers on every interface it uses) or when only the event names the node
 * @param bgp the nodes announcing the Service by BGP and to which peers, from ServiceBGPStatus (v0.15+)
 */
public record ServiceStatus(String namespace, String name, List<String> ips, Optional<String> pool, Optional<String> node,
        Optional<String> reason, List<String> interfaces, List<BgpAnnouncement> bgp) {

    public ServiceStatus {
        ips = List.copyOf(ips);
        interfaces = List.copyOf(interfaces);
        bgp = List.copyOf(bgp);
    }

    public ServiceStatus(String namespace, String name, List<String> ips, Optional<String> pool, Optional<String> node,
            Optional<String> reason, List<String> interfaces) {
        this(namespace, name, ips, pool, node, reason, interfaces, List.of());
    }

    public ServiceStatus(String namespace, String name, List<String> ips, Optional<String> pool, Optional<String> node,
            Optional<String> reason) {
        this(namespace, name, ips, pool, node, reason, List.of());
    }

    public boolean assigned() {
        return !ips.isEmpty();
    }
}
