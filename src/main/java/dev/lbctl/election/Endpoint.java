package dev.lbctl.election;

/**
 * One endpoint of a Service as an EndpointSlice shows it: the node it runs on and its conditions ({@code null} when the
 * slice leaves a condition unset, which Kubernetes reads as ready).
 */
public record Endpoint(String node, Boolean ready, Boolean serving) {

    public static Endpoint ready(String node) {
        return new Endpoint(node, true, true);
    }

    /** MetalLB's test: {@code IsConditionReady} before v0.14.5, {@code EndpointCanServe} from v0.14.5. */
    boolean canServe(ElectionRules rules) {
        if (ready == null || ready) {
            return true;
        }
        return rules.servingCountsAsReady() && Boolean.TRUE.equals(serving);
    }
}
