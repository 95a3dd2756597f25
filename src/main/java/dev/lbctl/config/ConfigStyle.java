package dev.lbctl.config;

/** How a MetalLB configuration is expressed: one ConfigMap (v0.9 to v0.12) or custom resources (v0.13 and later). */
public enum ConfigStyle {
    LEGACY_CONFIGMAP,
    CRD
}
