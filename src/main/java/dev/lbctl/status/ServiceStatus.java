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
 */
public record ServiceStatus(String namespace, String name, List<String> ips, Optional<String> pool, Optional<String> node,
        Optional<String> reason) {

    public ServiceStatus {
        ips = List.copyOf(ips);
    }

    public boolean assigned() {
        return !ips.isEmpty();
    }
}
