package dev.lbctl.allocator;

import dev.lbctl.services.ServicePort;
import dev.lbctl.services.ServiceRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** LoadBalancer Services for tests, built in code where a YAML fixture would hide the point. */
final class TestServices {

    private TestServices() {
    }

    static ServiceRequest loadBalancer(String name, String family) {
        return new ServiceRequest("default", name, Map.of(), Map.of(), ServiceRequest.LOAD_BALANCER, Optional.empty(), "",
                List.of(family), Optional.empty(), List.of(), List.of(new ServicePort("TCP", 80)), "Cluster", Map.of(),
                List.of());
    }

    static ServiceRequest sharing(String name, String sharingKey, ServicePort port, boolean local, String app) {
        Map<String, String> annotations = sharingKey.isEmpty() ? Map.of() : Map.of("metallb.io/allow-shared-ip", sharingKey);
        return new ServiceRequest("default", name, Map.of(), annotations, ServiceRequest.LOAD_BALANCER, Optional.empty(), "",
                List.of("IPv4"), Optional.empty(), List.of(), List.of(port), local ? "Local" : "Cluster",
                Map.of("app", app), List.of());
    }
}
