package dev.lbctl.it.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One generated Service.
 *
 * @param shape what the generator meant to exercise, for the summary and for failure messages
 * @param manifest the Service object as created on the cluster and as written to the simulator's Services file
 * @param handledByMetalLb false for Services MetalLB ignores (not a LoadBalancer, or another loadBalancerClass)
 * @param preferDualStack whether MetalLB reconciles it a second time to add the missing family
 */
public record ServiceSpec(String namespace, String name, String shape, Map<String, Object> manifest,
                          boolean handledByMetalLb, boolean preferDualStack) {

    public String key() {
        return namespace + "/" + name;
    }

    /** A deep copy of the manifest with {@code status.loadBalancer.ingress} set: a Service that holds these IPs. */
    public Map<String, Object> holding(List<String> ips) {
        Map<String, Object> copy = deepCopy(manifest);
        copy.put("status", Map.of("loadBalancer", Map.of("ingress", ips.stream().map(ip -> Map.of("ip", ip)).toList())));
        return copy;
    }

    /** A deep copy of the manifest with the {@code metallb.io/address-pool} annotation set to {@code pool}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> inPool(String pool) {
        Map<String, Object> copy = deepCopy(manifest);
        Map<String, Object> metadata = (Map<String, Object>) copy.get("metadata");
        Map<String, Object> annotations = (Map<String, Object>) metadata.computeIfAbsent("annotations", k -> new LinkedHashMap<>());
        annotations.put("metallb.io/address-pool", pool);
        return copy;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, copyValue(v)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            return new java.util.ArrayList<>(l.stream().map(ServiceSpec::copyValue).toList());
        }
        return v;
    }
}
