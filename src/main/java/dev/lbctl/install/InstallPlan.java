package dev.lbctl.install;

import dev.lbctl.metallb.ManifestObject;
import dev.lbctl.metallb.MetalLbRelease;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything install will do, decided offline: which release, every manifest object in apply order, and the pool
 * configuration. It is data, so {@code --dry-run} prints it and the installer only executes it.
 *
 * @param firstAddress the address MetalLB would give the first LoadBalancer Service (from the simulator), if any
 * @param adopt take over existing objects of the same names that lbctl did not create (--adopt)
 * @param poolsOnly write only the pools, into a MetalLB already installed (--pools-only); no manifests then
 */
public record InstallPlan(
        MetalLbRelease release,
        List<ManifestObject> manifestObjects,
        PoolConfiguration configuration,
        Optional<String> firstAddress,
        Duration timeout,
        boolean waitForRollout,
        boolean checkStrictArp,
        boolean adopt,
        boolean poolsOnly) {

    public InstallPlan {
        manifestObjects = List.copyOf(manifestObjects);
    }
}
