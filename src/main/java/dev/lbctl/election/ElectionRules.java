package dev.lbctl.election;

import dev.lbctl.pool.MetalLbVersion;

/**
 * How one MetalLB release's speaker elects the node that announces a Layer 2 Service, read from
 * {@code speaker/layer2_controller.go} (and {@code internal/k8s/nodes}, {@code internal/k8s/epslices}) at each tag.
 *
 * @param keyedByIp the hash key is {@code node + "#" + firstIngressIp} (v0.11.0 on); before, {@code node + "#" +
 *     namespace/name}
 * @param candidatesNeedEndpoint only nodes with a ready endpoint of the Service may win, whatever its traffic policy
 *     (v0.9 and v0.10); later releases ask that only of {@code externalTrafficPolicy: Local}
 * @param needsAnyReadyEndpoint a Service with no ready endpoint anywhere is not announced (v0.11.0 on)
 * @param advertisementsSelectNodes an L2Advertisement must select the pool and, by its nodeSelectors, the node (v0.13
 *     on, the CRD releases); ConfigMap releases announce a layer2 pool from every speaker
 * @param skipsNetworkUnavailable nodes whose {@code NetworkUnavailable} condition is True never win (v0.13.10 on)
 * @param skipsUnschedulable cordoned nodes never win (v0.14.9 only: v0.15.0 dropped the check again)
 * @param honoursExcludeLabel nodes labelled {@code node.kubernetes.io/exclude-from-external-load-balancers} never win
 *     (v0.14.0 on, unless the speaker runs with {@code --ignore-exclude-lb}, v0.14.4 on)
 * @param servingCountsAsReady an endpoint that is not ready but still serving (terminating) counts (v0.14.5 on)
 * @param serviceSelectorsFilterAdvertisements an L2Advertisement's serviceSelectors limit which Services it announces
 *     (v0.16.0 on)
 */
public record ElectionRules(
        MetalLbVersion release,
        boolean keyedByIp,
        boolean candidatesNeedEndpoint,
        boolean needsAnyReadyEndpoint,
        boolean advertisementsSelectNodes,
        boolean skipsNetworkUnavailable,
        boolean skipsUnschedulable,
        boolean honoursExcludeLabel,
        boolean servingCountsAsReady,
        boolean serviceSelectorsFilterAdvertisements) {

    public static final String EXCLUDE_LABEL = "node.kubernetes.io/exclude-from-external-load-balancers";

    /** The rules of a release (any tag, not only those lbctl installs). */
    public static ElectionRules of(MetalLbVersion v) {
        return new ElectionRules(v,
                v.atLeast(0, 11, 0),
                v.below(0, 11, 0),
                v.atLeast(0, 11, 0),
                !v.usesConfigMap(),
                v.atLeast(0, 13, 10),
                v.atLeast(0, 14, 9) && v.below(0, 15, 0),
                v.atLeast(0, 14, 0),
                v.atLeast(0, 14, 5),
                v.atLeast(0, 16, 0));
    }

    /** The same rules for a speaker started with {@code --ignore-exclude-lb}. */
    public ElectionRules ignoringExcludeLabel() {
        return new ElectionRules(release, keyedByIp, candidatesNeedEndpoint, needsAnyReadyEndpoint,
                advertisementsSelectNodes, skipsNetworkUnavailable, skipsUnschedulable, false, servingCountsAsReady,
                serviceSelectorsFilterAdvertisements);
    }
}
