package dev.lbctl.services;

import java.util.List;
import java.util.Map;

/**
 * What a Services file holds for the simulator: the Services in file order, and the labels of the Namespace documents
 * found alongside them (IPAddressPool {@code namespaceSelectors} match those labels).
 */
public record ServiceInventory(List<ServiceRequest> services, Map<String, Map<String, String>> namespaceLabels) {

    public ServiceInventory {
        services = List.copyOf(services);
        namespaceLabels = Map.copyOf(namespaceLabels);
    }
}
