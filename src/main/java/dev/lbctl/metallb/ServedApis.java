package dev.lbctl.metallb;

/**
 * Whether a cluster serves an apiVersion and kind, e.g. from API discovery. Kubernetes 1.25 and later no longer serve
 * {@code policy/v1beta1 PodSecurityPolicy}, which the v0.9 to v0.12 manifests contain.
 */
@FunctionalInterface
public interface ServedApis {

    boolean serves(String apiVersion, String kind);
}
