package dev.lbctl.install;

import dev.lbctl.allocator.Allocation;
import dev.lbctl.allocator.Simulation;
import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.Origin;
import dev.lbctl.config.Problem;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.metallb.BgpSpec;
import dev.lbctl.metallb.LegacyBgpConfig;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.ManifestSource;
import dev.lbctl.metallb.Manifests;
import dev.lbctl.metallb.MetalLbRelease;
import dev.lbctl.metallb.PoolObjects;
import dev.lbctl.metallb.PoolSpec;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.report.Progress;
import dev.lbctl.report.Yaml;
import dev.lbctl.services.ServiceManifests;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The offline half of install: checks the pools with MetalLB's rules for the target release, predicts the first
 * address, and reads the release's verified manifests. Nothing here needs a cluster, so invalid input stops before
 * anything is applied, and {@code --dry-run} works anywhere.
 */
public final class InstallPlanner {

    /** The offline warning that a BGPPeer's passwordSecret was not looked at. */
    private static final String PASSWORD_UNCHECKED = "peer-password-unchecked";

    private final Progress progress;
    private final boolean secretsCheckedOnCluster;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    /**
     * @param secretsCheckedOnCluster the install goes on to the cluster, where the Installer checks every
     *     passwordSecret before its first write; offline ({@code --dry-run}) they stay unchecked and it says so
     */
    public InstallPlanner(Progress progress, boolean secretsCheckedOnCluster) {
        this.progress = progress;
        this.secretsCheckedOnCluster = secretsCheckedOnCluster;
    }

    /**
     * @param config the pools from --pool (CRD style) or -f
     * @param rawResources for a CRD file, its documents as written (applied as given); empty for --pool
     * @param legacyFile for a ConfigMap file, its configuration mapping as written (its peers, BGP advertisements and
     *     community aliases are merged as they are); empty otherwise
     * @param bgp the peer the pools from --pool are announced to (--bgp-peer); empty for Layer 2 only
     */
    public InstallPlan plan(MetalLbRelease release, MetalLbConfig config, List<Map<String, Object>> rawResources,
                            Optional<Map<String, Object>> legacyFile, Optional<BgpSpec> bgp, ManifestSource manifests,
                            Duration timeout, boolean wait, boolean checkStrictArp, boolean adopt, boolean poolsOnly) {
        MetalLbConfig forRelease = inReleaseStyle(release, config);
        // lbctl installs MetalLB's native manifests, so the native BGP mode's rules apply (FRR-only options refused).
        check(ConfigValidator.validate(forRelease, release.version()), Messages.get("install.what.pools"), release);
        List<AddressPool> pools = forRelease.pools(release.version());
        PoolConfiguration configuration = configuration(release, forRelease, pools, rawResources, legacyFile, bgp);
        if (bgp.isPresent()) {
            // The rendered peer and advertisements go through the same rules as a file would (native BGP mode).
            String bgpOptions = Messages.get("install.what.bgpOptions");
            String text = release.version().usesConfigMap()
                    ? LegacyPoolConfig.merge(Optional.empty(), LegacyPoolConfig.Owned.NOTHING, configuration.pools(),
                            configuration.legacyBgp(), Optional.empty()).configText()
                    : Yaml.documents(configuration.resources());
            check(ConfigValidator.validate(ConfigFiles.read(text, bgpOptions), release.version()), bgpOptions, release);
        }
        // --pools-only leaves MetalLB as it is, so it needs no manifests (and no network).
        List<dev.lbctl.metallb.ManifestObject> objects = poolsOnly ? List.of()
                : progress.step(Messages.get("install.step.manifests", release.tag()),
                        () -> Manifests.load(release, manifests)).objects();
        return new InstallPlan(release, objects, configuration, firstAddress(pools), timeout, wait, checkStrictArp,
                adopt, poolsOnly);
    }

    /**
     * Pools from the command line come in CRD style; a ConfigMap release gets them as ConfigMap pools. A file must
     * already be in the release's style: converting a ConfigMap file is 'lbctl config migrate', and a CRD file
     * cannot configure a release that reads a ConfigMap.
     */
    private static MetalLbConfig inReleaseStyle(MetalLbRelease release, MetalLbConfig config) {
        boolean releaseReadsConfigMap = release.version().usesConfigMap();
        boolean fromCommandLine = config.poolSpecs().stream().allMatch(p -> Origin.COMMAND_LINE.equals(p.origin()));
        if (fromCommandLine) {
            return releaseReadsConfigMap
                    ? MetalLbConfig.empty(ConfigStyle.LEGACY_CONFIGMAP).withPools(config.pools(release.version()))
                    : config;
        }
        if (releaseReadsConfigMap && config.style() == ConfigStyle.CRD) {
            throw new InvalidInputException(Messages.get("install.crdsForConfigMapRelease", release.tag()));
        }
        if (!releaseReadsConfigMap && config.style() == ConfigStyle.LEGACY_CONFIGMAP) {
            throw new InvalidInputException(Messages.get("install.configMapForCrdRelease", release.tag()));
        }
        return config;
    }

    /** Stops on errors; prints each warning once (the BGP check sees the pools again). */
    private void check(List<Problem> problems, String what, MetalLbRelease release) {
        problems.stream().filter(p -> !p.isError())
                .filter(p -> !(secretsCheckedOnCluster && p.code().equals(PASSWORD_UNCHECKED)))
                .filter(p -> warned.add(p.describe())).forEach(p -> progress.warn(p.describe()));
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            errors.forEach(p -> progress.info(Messages.get("problem.error", p.describe())));
            if (errors.stream().anyMatch(p -> p.message().contains("native bgp mode") || p.message().equals("bfd profiles section set"))) {
                progress.info(Messages.get("install.nativeMode"));
            }
            throw new InvalidInputException(Messages.get("install.invalid", what, release.tag(), errors.size()));
        }
    }

    private static PoolConfiguration configuration(MetalLbRelease release, MetalLbConfig config, List<AddressPool> pools,
                                                   List<Map<String, Object>> rawResources,
                                                   Optional<Map<String, Object>> legacyFile, Optional<BgpSpec> bgp) {
        if (bgp.isPresent() && (!rawResources.isEmpty() || legacyFile.isPresent())) {
            throw new InvalidInputException(Messages.get("install.bgpWithFile"));
        }
        if (release.version().usesConfigMap()) {
            if (bgp.isPresent()) {
                if (bgp.get().layer2()) {
                    // parseAddressPool gives a pool one protocol, and config.Parse refuses overlapping pools, so an
                    // address is announced by Layer 2 or by BGP, never both (metallb@v0.12.1:internal/config/config.go
                    // lines 318-326 and 444-458).
                    throw new InvalidInputException(Messages.get("install.bgp.l2OnConfigMap", release.tag()));
                }
                return new PoolConfiguration(specs(pools), List.of(), LegacyBgpConfig.forPeer(specs(pools), bgp.get()));
            }
            return new PoolConfiguration(specs(pools), List.of(), legacyFile.map(LegacyBgpConfig::fromFile).orElse(LegacyBgpConfig.NONE));
        }
        if (!rawResources.isEmpty()) {
            return new PoolConfiguration(specs(pools), rawResources.stream().map(r -> ManagedResources.label(r, release)).toList());
        }
        return new PoolConfiguration(specs(pools), PoolObjects.forCrds(release, specs(pools), bgp));
    }

    private static List<PoolSpec> specs(List<AddressPool> pools) {
        return pools.stream().map(p -> new PoolSpec(p.name(), p.addresses(), p.autoAssign(), p.avoidBuggyIps())).toList();
    }

    /** The address the simulator predicts for one plain LoadBalancer Service in the default namespace. */
    private static Optional<String> firstAddress(List<AddressPool> pools) {
        var probe = ServiceManifests.parse("""
                apiVersion: v1
                kind: Service
                metadata: {name: first, namespace: default}
                spec: {type: LoadBalancer, ports: [{port: 80}]}
                """, "install's probe Service");
        List<Allocation> result = Simulation.run(pools, probe.services(), probe.namespaceLabels());
        return result.get(0).ips().stream().findFirst();
    }
}
