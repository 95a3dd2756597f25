package dev.lbctl.status;

import dev.lbctl.cluster.Fields;
import dev.lbctl.pool.MetalLbVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether MetalLB's validating webhook can be called: its Service has a ready endpoint. Until it has one, creating an
 * IPAddressPool fails with {@code no endpoints available for service "metallb-webhook-service"} (metallb#1669).
 */
public final class WebhookEndpoints {

    /** v0.13.0 to v0.14.3 (and the manifests' VWC) name it so. */
    static final String OLD_SERVICE = "webhook-service";
    /** v0.14.4 and later, and the Helm chart. */
    static final String SERVICE = "metallb-webhook-service";
    static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

    private WebhookEndpoints() {
    }

    /** The Service names to look for, the one the release uses first. */
    public static List<String> serviceNames(Optional<MetalLbVersion> version) {
        boolean renamed = version.map(v -> v.atLeast(0, 14, 4)).orElse(true);
        return renamed ? List.of(SERVICE, OLD_SERVICE) : List.of(OLD_SERVICE, SERVICE);
    }

    /**
     * From the namespace's EndpointSlices (those labelled with the Service's name count); without any, from the
     * legacy Endpoints object. An endpoint counts unless its {@code ready} condition is false.
     */
    public static boolean ready(String service, List<Map<String, Object>> endpointSlices, Optional<Map<String, Object>> endpoints) {
        List<Map<String, Object>> slices = endpointSlices.stream()
                .filter(s -> service.equals(Fields.string(Fields.map(Fields.map(s, "metadata"), "labels"), SERVICE_NAME_LABEL)))
                .toList();
        if (!slices.isEmpty()) {
            return slices.stream().flatMap(s -> Fields.list(s, "endpoints").stream())
                    .filter(Map.class::isInstance).map(e -> (Map<?, ?>) e)
                    .anyMatch(e -> e.get("addresses") instanceof List<?> a && !a.isEmpty()
                            && !(e.get("conditions") instanceof Map<?, ?> c && Boolean.FALSE.equals(c.get("ready"))));
        }
        return endpoints.map(ep -> Fields.list(ep, "subsets").stream()
                        .anyMatch(s -> s instanceof Map<?, ?> m && m.get("addresses") instanceof List<?> a && !a.isEmpty()))
                .orElse(false);
    }
}
