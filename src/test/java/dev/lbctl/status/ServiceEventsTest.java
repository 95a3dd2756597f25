package dev.lbctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEventsTest {

    private static Map<String, Object> event(String reason, String message) {
        return Map.of("reason", reason, "message", message);
    }

    @Test
    void theLatestLayer2NodeAssignedEventNamesTheAnnouncingNode() {
        List<Map<String, Object>> events = List.of(
                event("IPAllocated", "Assigned IP [\"192.168.10.240\"]"),
                event("nodeAssigned", "announcing from node \"worker-1\" with protocol \"layer2\""),
                event("nodeAssigned", "announcing from node \"worker-2\" with protocol \"layer2\""));

        assertThat(ServiceEvents.announcingNode(events)).contains("worker-2");
    }

    @Test
    void bgpAnnouncementsAndOtherEventsNameNoLayer2Node() {
        List<Map<String, Object>> events = List.of(
                event("IPAllocated", "Assigned IP [\"192.168.10.240\"]"),
                event("nodeAssigned", "announcing from node \"worker-1\" with protocol \"bgp\""));

        assertThat(ServiceEvents.announcingNode(events)).isEmpty();
        assertThat(ServiceEvents.announcingNode(List.of())).isEmpty();
    }

    @Test
    void everyNodeWithABgpNodeAssignedEventIsABgpNodeAndLayer2OnesAreNot() {
        List<Map<String, Object>> events = List.of(
                event("nodeAssigned", "announcing from node \"worker-2\" with protocol \"bgp\""),
                event("nodeAssigned", "announcing from node \"worker-3\" with protocol \"layer2\""),
                event("IPAllocated", "announcing from node \"worker-4\" with protocol \"bgp\""),
                event("nodeAssigned", "announcing from node \"worker-1\" with protocol \"bgp\""),
                event("nodeAssigned", "announcing from node \"worker-2\" with protocol \"bgp\""));

        assertThat(ServiceEvents.bgpNodes(events)).containsExactly("worker-1", "worker-2");
    }

    @Test
    void thePendingReasonIsTheLastAllocationFailedMessage() {
        List<Map<String, Object>> events = List.of(
                event("AllocationFailed", "Failed to allocate IP for \"default/web\": no available IPs"),
                event("AllocationFailed", "Failed to allocate IP for \"default/web\": [\"10.9.9.9\"] is not allowed in config"),
                event("IPAllocated", "Assigned IP [\"192.168.10.240\"]"));

        assertThat(ServiceEvents.lastAllocationFailure(events))
                .contains("Failed to allocate IP for \"default/web\": [\"10.9.9.9\"] is not allowed in config");
    }

    @Test
    void theTableShowsTheAllocatorErrorWithoutTheRepeatedServiceName() {
        assertThat(ServiceEvents.allocationError("Failed to allocate IP for \"default/web\": no available IPs"))
                .isEqualTo("no available IPs");
        assertThat(ServiceEvents.allocationError("something else")).isEqualTo("something else");
    }
}
