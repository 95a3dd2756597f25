package dev.lbctl.install;

import dev.lbctl.metallb.ManifestObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Cuts the ordered manifest objects into the steps a person sees: namespace, CRDs, access, configuration, workloads, webhooks. */
final class ApplyGroups {

    private static final Map<String, String> GROUP_OF_KIND = Map.ofEntries(
            Map.entry("Namespace", "namespace"),
            Map.entry("CustomResourceDefinition", "CRDs"),
            Map.entry("PodSecurityPolicy", "access"),
            Map.entry("ServiceAccount", "access"),
            Map.entry("Role", "access"),
            Map.entry("ClusterRole", "access"),
            Map.entry("RoleBinding", "access"),
            Map.entry("ClusterRoleBinding", "access"),
            Map.entry("ConfigMap", "configuration"),
            Map.entry("Secret", "configuration"),
            Map.entry("Service", "configuration"),
            Map.entry("Deployment", "workloads"),
            Map.entry("DaemonSet", "workloads"),
            Map.entry("ValidatingWebhookConfiguration", "webhooks"),
            Map.entry("MutatingWebhookConfiguration", "webhooks"));

    private ApplyGroups() {
    }

    /** Consecutive objects of the same group, in order. */
    static List<List<ManifestObject>> of(List<ManifestObject> ordered) {
        List<List<ManifestObject>> groups = new ArrayList<>();
        String current = null;
        for (ManifestObject o : ordered) {
            String group = group(o);
            if (!group.equals(current)) {
                groups.add(new ArrayList<>());
                current = group;
            }
            groups.get(groups.size() - 1).add(o);
        }
        return groups;
    }

    static String describe(List<ManifestObject> group) {
        if (group.size() == 1) {
            return group.get(0).describe();
        }
        String name = group(group.get(0));
        return group.size() + " " + ("CRDs".equals(name) ? "CRDs" : name + " objects") + " ("
                + String.join(", ", group.stream().map(ManifestObject::kind).distinct().toList()) + ")";
    }

    private static String group(ManifestObject o) {
        return GROUP_OF_KIND.getOrDefault(o.kind(), "other");
    }
}
