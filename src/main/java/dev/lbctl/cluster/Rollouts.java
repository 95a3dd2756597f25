package dev.lbctl.cluster;

import dev.lbctl.i18n.Messages;
import java.util.Map;

/**
 * When a workload has finished rolling out, read from its status the way {@code kubectl rollout status} does: the
 * controller has seen the latest generation, and every desired pod is updated and available.
 */
public final class Rollouts {

    private Rollouts() {
    }

    public static boolean daemonSetRolledOut(Map<String, Object> ds) {
        if (!observedLatest(ds)) {
            return false;
        }
        Map<String, Object> status = Fields.map(ds, "status");
        long desired = Fields.number(status, "desiredNumberScheduled");
        return Fields.number(status, "updatedNumberScheduled") >= desired
                && Fields.number(status, "numberAvailable") >= desired;
    }

    public static boolean deploymentRolledOut(Map<String, Object> deployment) {
        if (!observedLatest(deployment)) {
            return false;
        }
        long desired = Fields.number(Fields.map(deployment, "spec"), "replicas");
        Map<String, Object> status = Fields.map(deployment, "status");
        return Fields.number(status, "updatedReplicas") >= desired
                && Fields.number(status, "availableReplicas") >= desired
                && Fields.number(status, "replicas") <= Fields.number(status, "updatedReplicas");
    }

    /** A one-line description of a workload's progress, for timeout messages. */
    public static String describe(Map<String, Object> workload) {
        Map<String, Object> status = Fields.map(workload, "status");
        if ("DaemonSet".equals(workload.get("kind"))) {
            return Messages.get("rollout.daemonSet", Fields.number(status, "numberAvailable"),
                    Fields.number(status, "desiredNumberScheduled"), Fields.number(status, "updatedNumberScheduled"));
        }
        return Messages.get("rollout.deployment", Fields.number(status, "availableReplicas"),
                Fields.number(Fields.map(workload, "spec"), "replicas"), Fields.number(status, "updatedReplicas"));
    }

    private static boolean observedLatest(Map<String, Object> workload) {
        long generation = Fields.number(Fields.map(workload, "metadata"), "generation");
        return Fields.number(Fields.map(workload, "status"), "observedGeneration") >= generation;
    }
}
