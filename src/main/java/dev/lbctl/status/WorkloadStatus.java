package dev.lbctl.status;

/**
 * How far one MetalLB workload is from ready: the controller Deployment (ready replicas of {@code spec.replicas}) or
 * the speaker DaemonSet (ready pods of {@code status.desiredNumberScheduled}).
 *
 * @param kind {@code Deployment} or {@code DaemonSet}
 * @param image the image of the workload's MetalLB container, empty when it has none
 */
public record WorkloadStatus(String kind, String name, String image, long ready, long desired) {

    /** Every desired pod is ready; a workload that wants no pods at all (scaled to zero, no node) is not ready. */
    public boolean isReady() {
        return desired > 0 && ready >= desired;
    }
}
