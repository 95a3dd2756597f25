package dev.lbctl.status;

import dev.lbctl.cluster.Fields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What MetalLB says about a Service in its events (oldest first, as {@code Cluster.events} returns them).
 *
 * <ul>
 *   <li>The speaker that announces a Service records Normal {@code nodeAssigned}: {@code announcing from node "X" with
 *       protocol "layer2"} ({@code metallb@v0.16.1:speaker/main.go}). No event marks the end of an announcement, so the
 *       latest one names the node that announced last.</li>
 *   <li>The controller records Warning {@code AllocationFailed}: {@code Failed to allocate IP for "ns/name": <error>}.</li>
 * </ul>
 */
public final class ServiceEvents {

    public static final String NODE_ASSIGNED = "nodeAssigned";
    public static final String ALLOCATION_FAILED = "AllocationFailed";

    /** Go's %q of the node name and protocol; node names never hold quotes or backslashes. */
    private static final Pattern ANNOUNCING = Pattern.compile("announcing from node \"([^\"]+)\" with protocol \"([^\"]+)\"");
    private static final Pattern FAILED_PREFIX = Pattern.compile("Failed to allocate IP for \"[^\"]*\": ");

    private ServiceEvents() {
    }

    /** The node of the latest Layer 2 {@code nodeAssigned} event; empty when there is none (events expire after 1h). */
    public static Optional<String> announcingNode(List<Map<String, Object>> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            Map<String, Object> event = events.get(i);
            if (!NODE_ASSIGNED.equals(Fields.string(event, "reason"))) {
                continue;
            }
            Matcher m = ANNOUNCING.matcher(String.valueOf(Fields.string(event, "message")));
            if (m.find() && "layer2".equals(m.group(2))) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    /** The nodes of every BGP {@code nodeAssigned} event (in BGP mode every announcing speaker records one), sorted. */
    public static java.util.SortedSet<String> bgpNodes(List<Map<String, Object>> events) {
        java.util.SortedSet<String> nodes = new java.util.TreeSet<>();
        for (Map<String, Object> event : events) {
            Matcher m = ANNOUNCING.matcher(String.valueOf(Fields.string(event, "message")));
            if (NODE_ASSIGNED.equals(Fields.string(event, "reason")) && m.find() && "bgp".equals(m.group(2))) {
                nodes.add(m.group(1));
            }
        }
        return nodes;
    }

    /** The message of the latest {@code AllocationFailed} event, as MetalLB wrote it. */
    public static Optional<String> lastAllocationFailure(List<Map<String, Object>> events) {
        for (int i = events.size() - 1; i >= 0; i--) {
            Map<String, Object> event = events.get(i);
            String message = Fields.string(event, "message");
            if (ALLOCATION_FAILED.equals(Fields.string(event, "reason")) && message != null && !message.isBlank()) {
                return Optional.of(message.strip());
            }
        }
        return Optional.empty();
    }

    /** The allocator's error without the {@code Failed to allocate IP for "ns/name": } prefix that repeats the Service. */
    public static String allocationError(String message) {
        Matcher m = FAILED_PREFIX.matcher(message);
        return m.lookingAt() ? message.substring(m.end()) : message;
    }
}
