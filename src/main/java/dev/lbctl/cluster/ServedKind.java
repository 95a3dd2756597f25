package dev.lbctl.cluster;

/**
 * A kind the API server serves, from discovery: what lbctl needs to list every object of a kind without knowing the
 * kind in advance (uninstall looks for objects of any kind that would keep MetalLB's namespace alive).
 *
 * @param group the API group, empty for the core group
 * @param version the group's preferred version
 * @param plural the resource name, e.g. {@code ipaddresspools}
 */
public record ServedKind(String group, String version, String kind, String plural, boolean namespaced) {

    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code Kind.group} as ApplySets and kubectl write group-kinds; just {@code Kind} for the core group. */
    public String groupKind() {
        return group.isEmpty() ? kind : kind + "." + group;
    }
}
