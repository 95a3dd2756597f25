package dev.lbctl.status;

import dev.lbctl.cluster.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Service of type LoadBalancer as read from the cluster: its ingress IPs and what MetalLB annotated on it.
 *
 * @param allocatedFromPool MetalLB's {@code metallb.io/ip-allocated-from-pool} annotation ({@code metallb.universe.tf/}
 *     in v0.13.9 to v0.14.8)
 * @param loadBalancerClass {@code spec.loadBalancerClass}; MetalLB leaves Services with a class alone unless its
 *     controller runs with that {@code --lb-class}
 */
public record LoadBalancerService(String namespace, String name, List<String> ips, Optional<String> allocatedFromPool,
        Optional<String> loadBalancerClass) {

    static final String POOL_ANNOTATION = "metallb.io/ip-allocated-from-pool";
    static final String LEGACY_POOL_ANNOTATION = "metallb.universe.tf/ip-allocated-from-pool";

    public LoadBalancerService {
        ips = List.copyOf(ips);
    }

    /** Empty for any other Service type. */
    public static Optional<LoadBalancerService> from(Map<String, Object> service) {
        Map<String, Object> spec = Fields.map(service, "spec");
        if (!"LoadBalancer".equals(Fields.string(spec, "type"))) {
            return Optional.empty();
        }
        List<String> ips = new ArrayList<>();
        for (Object ingress : Fields.list(Fields.map(Fields.map(service, "status"), "loadBalancer"), "ingress")) {
            if (ingress instanceof Map<?, ?> m && m.get("ip") instanceof String ip && !ip.isBlank() && !ips.contains(ip)) {
                ips.add(ip);
            }
        }
        Map<String, Object> annotations = Fields.map(Fields.map(service, "metadata"), "annotations");
        Optional<String> pool = Optional.ofNullable(Fields.string(annotations, POOL_ANNOTATION))
                .or(() -> Optional.ofNullable(Fields.string(annotations, LEGACY_POOL_ANNOTATION)))
                .filter(p -> !p.isBlank());
        Optional<String> lbClass = Optional.ofNullable(Fields.string(spec, "loadBalancerClass")).filter(c -> !c.isBlank());
        return Optional.of(new LoadBalancerService(Fields.namespace(service), Fields.name(service), ips, pool, lbClass));
    }

    /** Whether a MetalLB controller started with {@code --lb-class} (empty: none) handles this Service. */
    public boolean handledBy(Optional<String> controllerLbClass) {
        return loadBalancerClass.equals(controllerLbClass);
    }

    public String key() {
        return namespace + "/" + name;
    }
}
