package dev.lbctl.install;

import dev.lbctl.metallb.LegacyBgpConfig;
import dev.lbctl.metallb.PoolSpec;
import java.util.List;
import java.util.Map;

/**
 * The address configuration install writes, in the form the release reads.
 *
 * @param pools lbctl's pools (for a ConfigMap release they are merged into the ConfigMap; for a CRD release they
 *     became {@code resources})
 * @param resources the MetalLB resources to apply for a CRD release (IPAddressPools before advertisements); empty for
 *     a ConfigMap release
 * @param legacyBgp for a ConfigMap release, which pools are BGP pools and the peers and community aliases merged with
 *     them; {@link LegacyBgpConfig#NONE} otherwise
 */
public record PoolConfiguration(List<PoolSpec> pools, List<Map<String, Object>> resources, LegacyBgpConfig legacyBgp) {

    public PoolConfiguration {
        pools = List.copyOf(pools);
        resources = List.copyOf(resources);
    }

    public PoolConfiguration(List<PoolSpec> pools, List<Map<String, Object>> resources) {
        this(pools, resources, LegacyBgpConfig.NONE);
    }
}
