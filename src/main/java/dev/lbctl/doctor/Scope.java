package dev.lbctl.doctor;

import java.util.Optional;

/**
 * What to diagnose: the installation only, one Service (and the installation), or every LoadBalancer Service.
 *
 * @param service {@code namespace/name} of the one Service; empty for the installation or all
 */
public record Scope(Optional<String> service, boolean allServices) {

    public static Scope installation() {
        return new Scope(Optional.empty(), false);
    }

    public static Scope service(String namespace, String name) {
        return new Scope(Optional.of(namespace + "/" + name), false);
    }

    public static Scope all() {
        return new Scope(Optional.empty(), true);
    }
}
