package dev.lbctl.metallb;

/** How a MetalLB release is configured. */
public enum ConfigStyle {
    /** v0.9 to v0.12: ConfigMap {@code config} in the MetalLB namespace, key {@code config}. */
    CONFIG_MAP,
    /** v0.13 and later: IPAddressPool and L2Advertisement resources; the ConfigMap is ignored. */
    CRD
}
