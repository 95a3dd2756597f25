package dev.lbctl.pool;

import java.util.regex.Pattern;

/** Kubernetes' name rules (apimachinery's validation), checked offline so a bad name never reaches the API server. */
public final class KubernetesNames {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

    private KubernetesNames() {
    }

    /** RFC 1123 label: what a namespace name must be (at most 63 characters). */
    public static boolean isDnsLabel(String name) {
        return name.length() <= 63 && DNS_LABEL.matcher(name).matches();
    }

    /** RFC 1123 subdomain: what most object names, MetalLB's pools among them, must be (at most 253 characters). */
    public static boolean isDnsSubdomain(String name) {
        return name.length() <= 253 && DNS_SUBDOMAIN.matcher(name).matches();
    }
}
