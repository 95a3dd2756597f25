package dev.lbctl.election;

import java.util.Map;

/**
 * What the election reads of one node.
 *
 * @param networkUnavailable the Node's {@code NetworkUnavailable} condition is True
 * @param unschedulable {@code spec.unschedulable} (cordoned)
 * @param speaker a ready speaker runs there and so is a memberlist member (MetalLB's "usable speakers")
 */
public record NodeState(String name, Map<String, String> labels, boolean networkUnavailable, boolean unschedulable,
        boolean speaker) {

    public NodeState {
        labels = Map.copyOf(labels);
    }

    /** A plain schedulable node with a ready speaker. */
    public static NodeState of(String name, Map<String, String> labels) {
        return new NodeState(name, labels, false, false, true);
    }
}
