package dev.lbctl.metallb;

import java.util.Set;

/**
 * The order in which object kinds are applied: each phase only refers to objects of earlier phases (RBAC to service
 * accounts, pods to secrets and config maps, webhooks to their service), and admission-relevant objects such as
 * PodSecurityPolicies exist before any pod is created.
 */
enum ApplyPhase {
    NAMESPACE(Set.of("Namespace")),
    CUSTOM_RESOURCE_DEFINITIONS(Set.of("CustomResourceDefinition")),
    ACCESS(Set.of("PodSecurityPolicy", "ServiceAccount", "Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding")),
    CONFIGURATION(Set.of("ConfigMap", "Secret", "Service")),
    /** Kinds this list does not name: before the workloads, which might need them. */
    OTHER(Set.of()),
    WORKLOADS(Set.of("Deployment", "DaemonSet")),
    WEBHOOKS(Set.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"));

    private final Set<String> kinds;

    ApplyPhase(Set<String> kinds) {
        this.kinds = kinds;
    }

    static ApplyPhase of(String kind) {
        for (ApplyPhase phase : values()) {
            if (phase.kinds.contains(kind)) {
                return phase;
            }
        }
        return OTHER;
    }
}
