package dev.lbctl.kubeproxy;

/** The value of {@code ipvs.strictARP} in a KubeProxyConfiguration. */
public enum StrictArpValue {
    ENABLED,
    DISABLED,
    /** No {@code ipvs} block, an empty one, or no {@code strictARP} key: kube-proxy then uses false. */
    ABSENT
}
