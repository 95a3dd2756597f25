package dev.lbctl.services;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fields of one Kubernetes Service that MetalLB's controller reads, with the API server's defaults applied
 * (namespace {@code default}, type {@code ClusterIP}, protocol {@code TCP}, externalTrafficPolicy {@code Cluster}).
 *
 * <p>Addresses the API server would have validated (clusterIP(s), status ingress IPs) are checked when reading.
 * {@code loadBalancerIP} and the {@code metallb.io/*} annotations are kept as written: MetalLB reports bad values
 * there as events, so the simulator does too.
 *
 * @param clusterIps {@code spec.clusterIPs}, or {@code [spec.clusterIP]} when only that is set; empty when unset
 * @param ingressIps the {@code ip} of each {@code status.loadBalancer.ingress} entry that has one
 */
public record ServiceRequest(
        String namespace,
        String name,
        Map<String, String> labels,
        Map<String, String> annotations,
        String type,
        Optional<String> loadBalancerClass,
        String loadBalancerIp,
        List<String> ipFamilies,
        Optional<String> ipFamilyPolicy,
        List<String> clusterIps,
        List<ServicePort> ports,
        String externalTrafficPolicy,
        Map<String, String> selector,
        List<String> ingressIps) {

    public static final String LOAD_BALANCER = "LoadBalancer";

    public ServiceRequest {
        labels = Map.copyOf(labels);
        annotations = Map.copyOf(annotations);
        ipFamilies = List.copyOf(ipFamilies);
        clusterIps = List.copyOf(clusterIps);
        ports = List.copyOf(ports);
        selector = Map.copyOf(selector);
        ingressIps = List.copyOf(ingressIps);
    }

    /** {@code namespace/name}, the key MetalLB uses in its messages. */
    public String key() {
        return namespace + "/" + name;
    }

    public boolean isLoadBalancer() {
        return LOAD_BALANCER.equals(type);
    }
}
