package dev.lbctl.config;

import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A MetalLB configuration as read from files, not yet checked: everything MetalLB's {@code config.For} (CRDs) or
 * {@code config.Parse} (ConfigMap) takes as input. The same model holds both styles so that a ConfigMap can later be
 * converted to resources the way MetalLB's configmaptocrs does (pools keep their protocol and advertisements).
 *
 * @param legacyCommunities ConfigMap {@code bgp-communities}, alias to value, in file order
 * @param versionedFields fields that releases older than the newest do not know (see {@link VersionedField})
 * @param readWarnings what the reader found before any rule: things it skipped (other Kubernetes kinds), reported as
 *     warnings, and a ConfigMap text that MetalLB cannot decode, as MetalLB's error
 */
public record MetalLbConfig(
        ConfigStyle style,
        List<PoolSpec> poolSpecs,
        List<L2AdvertisementSpec> l2Advertisements,
        List<BgpAdvertisementSpec> bgpAdvertisements,
        List<BgpPeerSpec> peers,
        List<CommunitySpec> communities,
        Map<String, String> legacyCommunities,
        List<BfdProfileSpec> bfdProfiles,
        List<VersionedField> versionedFields,
        List<Problem> readWarnings) {

    /** The last release that reads the ConfigMap; a ConfigMap config is checked against it unless told otherwise. */
    public static final MetalLbVersion LAST_CONFIGMAP_RELEASE = MetalLbVersion.of(0, 12, 1);

    public MetalLbConfig {
        poolSpecs = List.copyOf(poolSpecs);
        l2Advertisements = List.copyOf(l2Advertisements);
        bgpAdvertisements = List.copyOf(bgpAdvertisements);
        peers = List.copyOf(peers);
        communities = List.copyOf(communities);
        legacyCommunities = Collections.unmodifiableMap(new LinkedHashMap<>(legacyCommunities));
        bfdProfiles = List.copyOf(bfdProfiles);
        versionedFields = List.copyOf(versionedFields);
        readWarnings = List.copyOf(readWarnings);
    }

    /** An empty configuration of the given style. */
    public static MetalLbConfig empty(ConfigStyle style) {
        return new MetalLbConfig(style, List.of(), List.of(), List.of(), List.of(), List.of(), Map.of(), List.of(),
                List.of(), List.of());
    }

    /**
     * Pools given on the command line: IPAddressPools (CRD style) plus one L2Advertisement for all of them, which is
     * what lbctl creates for them.
     */
    public static MetalLbConfig ofPools(List<AddressPool> pools) {
        return empty(ConfigStyle.CRD).withPools(pools);
    }

    /**
     * This configuration plus pools given on the command line, in this configuration's style: layer2 ConfigMap pools
     * for a legacy config; for CRDs, IPAddressPools with the L2Advertisement lbctl would create for them.
     */
    public MetalLbConfig withPools(List<AddressPool> pools) {
        Origin commandLine = Origin.COMMAND_LINE;
        boolean legacy = style == ConfigStyle.LEGACY_CONFIGMAP;
        List<PoolSpec> specs = new ArrayList<>(poolSpecs);
        List<String> names = new ArrayList<>();
        for (AddressPool pool : pools) {
            specs.add(new PoolSpec(legacy ? PoolKind.CONFIGMAP_POOL : PoolKind.IP_ADDRESS_POOL, pool.name(),
                    pool.addresses(), pool.autoAssign(), pool.avoidBuggyIps(), legacy ? "layer2" : null, List.of(),
                    pool.serviceAllocation(), Map.of(), commandLine));
            names.add(pool.name());
        }
        List<L2AdvertisementSpec> l2 = new ArrayList<>(l2Advertisements);
        if (!legacy && !names.isEmpty()) {
            l2.add(new L2AdvertisementSpec("lbctl-command-line-pools", names, List.of(), List.of(), List.of(), List.of(),
                    commandLine));
        }
        return new MetalLbConfig(style, specs, l2, bgpAdvertisements, peers, communities, legacyCommunities, bfdProfiles,
                versionedFields, readWarnings);
    }

    /** This configuration with each kind's objects in name order (stable: equal names keep file order). */
    public MetalLbConfig sortedByName() {
        return new MetalLbConfig(style, byName(poolSpecs, PoolSpec::name), byName(l2Advertisements, L2AdvertisementSpec::name),
                byName(bgpAdvertisements, BgpAdvertisementSpec::name), byName(peers, BgpPeerSpec::name),
                byName(communities, CommunitySpec::name), legacyCommunities, byName(bfdProfiles, BfdProfileSpec::name),
                versionedFields, readWarnings);
    }

    private static <T> List<T> byName(List<T> items, Function<T, String> name) {
        return items.stream().sorted(Comparator.comparing(name)).toList();
    }

    /**
     * Whether MetalLB announces addresses of this pool: a ConfigMap pool (or AddressPool) by its own protocol, an
     * IPAddressPool only when an L2Advertisement or BGPAdvertisement selects it.
     */
    public boolean announces(PoolSpec pool) {
        return pool.kind().hasProtocol()
                || l2Advertisements.stream().anyMatch(a -> a.selects(pool))
                || bgpAdvertisements.stream().anyMatch(a -> a.selects(pool));
    }

    /** The release a configuration of this style is checked against when no version is given. */
    public MetalLbVersion impliedVersion() {
        return style == ConfigStyle.LEGACY_CONFIGMAP ? LAST_CONFIGMAP_RELEASE : MetalLbVersion.LATEST;
    }

    /** The pools as MetalLB of {@link #impliedVersion()} would hold them. */
    public List<AddressPool> pools() {
        return pools(impliedVersion());
    }

    /**
     * The pools as the given MetalLB release would hold them. Address entries that do not parse are left out, so the
     * result is only meaningful for a configuration that {@link ConfigValidator} found free of errors.
     */
    public List<AddressPool> pools(MetalLbVersion version) {
        List<AddressPool> out = new ArrayList<>();
        for (PoolSpec spec : poolSpecs) {
            List<Cidr> cidrs = new ArrayList<>();
            for (String address : spec.addresses()) {
                try {
                    cidrs.addAll(MetalLbAddresses.parse(address, version));
                } catch (InvalidAddressException e) {
                    // Reported by ConfigValidator; here the pool keeps what MetalLB could use.
                }
            }
            Optional<String> protocol = Optional.ofNullable(spec.protocol());
            out.add(new AddressPool(spec.name(), spec.addresses(), cidrs, spec.autoAssign(), spec.avoidBuggyIps(),
                    protocol, spec.serviceAllocation()));
        }
        return out;
    }
}
