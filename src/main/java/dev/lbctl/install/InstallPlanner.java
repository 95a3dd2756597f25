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

    private final Progress progress;
    private final java.util.Set<String> warned = new java.util.HashSet<>();

    public InstallPlanner(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param config the pools from --pool (CRD style) or -f
     * @param rawResources for a CRD file, its documents as written (applied as given); empty for --pool
     * @param bgp the peer the pools from --pool are announced to (--bgp-peer); empty for Layer 2 only
     */
    public InstallPlan plan(MetalLbRelease release, MetalLbConfig config, List<Map<String, Object>> rawResources,
                            Optional<BgpSpec> bgp, ManifestSource manifests, Duration timeout, boolean wait,
                            boolean checkStrictArp, boolean adopt, boolean poolsOnly) {
        MetalLbConfig forRelease = inReleaseStyle(release, config);
        check(ConfigValidator.validate(forRelease, release.version()), Messages.get("install.what.pools"), release);
        List<AddressPool> pools = forRelease.pools(release.version());
        PoolConfiguration configuration = configuration(release, forRelease, pools, rawResources, bgp);
        if (bgp.isPresent()) {
            // The rendered peer and advertisements go through the same rules as a file would (native BGP mode).
            String bgpOptions = Messages.get("install.what.bgpOptions");
            MetalLbConfig rendered = ConfigFiles.read(Yaml.documents(configuration.resources()), bgpOptions);
            check(ConfigValidator.validate(rendered, release.version()), bgpOptions, release);
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
        problems.stream().filter(p -> !p.isError()).filter(p -> warned.add(p.describe())).forEach(p -> progress.warn(p.describe()));
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            errors.forEach(p -> progress.info(Messages.get("problem.error", p.describe())));
            throw new InvalidInputException(Messages.get("install.invalid", what, release.tag(), errors.size()));
        }
    }

    private static PoolConfiguration configuration(MetalLbRelease release, MetalLbConfig config, List<AddressPool> pools,
                                                   List<Map<String, Object>> rawResources, Optional<BgpSpec> bgp) {
        if (bgp.isPresent() && (release.version().usesConfigMap() || !rawResources.isEmpty())) {
            throw new InvalidInputException(release.version().usesConfigMap()
                    ? Messages.get("install.bgpNeedsCrds", release.tag()) : Messages.get("install.bgpWithFile"));
        }
        if (release.version().usesConfigMap()) {
            boolean onlyLayer2 = pools.stream().allMatch(p -> p.protocol().map("layer2"::equals).orElse(true));
            if (!onlyLayer2 || !config.peers().isEmpty()) {
                throw new InvalidInputException(Messages.get("install.bgpInConfigMap"));
            }
            return new PoolConfiguration(specs(pools), List.of());
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
