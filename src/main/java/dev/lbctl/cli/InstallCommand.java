package dev.lbctl.cli;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.i18n.Messages;
import dev.lbctl.install.InstallPlan;
import dev.lbctl.install.InstallPlanner;
import dev.lbctl.install.Installer;
import dev.lbctl.input.YamlDocuments;
import dev.lbctl.metallb.BgpSpec;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.ManifestCache;
import dev.lbctl.metallb.ManifestSource;
import dev.lbctl.metallb.MetalLbRelease;
import dev.lbctl.metallb.ReleaseCatalog;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.report.Json;
import dev.lbctl.report.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "install", description = {
    "Install MetalLB (checksum-verified manifests, server-side apply) and configure Layer 2 or BGP pools.",
    "Pools are checked offline first; --dry-run prints the plan and every object, and needs no cluster."})
public class InstallCommand implements Callable<Integer> {

    /** MetalLB kinds of a -f file that install applies as written. */
    private static final Set<String> METALLB_KINDS = Set.of("IPAddressPool", "L2Advertisement", "BGPAdvertisement",
            "BGPPeer", "Community", "BFDProfile");

    static class PoolSource {
        @Option(names = "--pool", paramLabel = "POOL", required = true,
                description = "A pool: [NAME=]CIDR, range a-b, shorthand 192.168.100.240-250, or a single IP. Repeatable.")
        List<String> pools = new ArrayList<>();

        @Option(names = {"-f", "--file"}, paramLabel = "FILE", required = true,
                description = "MetalLB configuration: CRD resources (v0.13+) or the legacy ConfigMap (v0.9-v0.12).")
        Path file;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    PoolSource source;

    @Option(names = "--metallb-version", paramLabel = "VERSION", defaultValue = "v0.16.1",
            description = "MetalLB release: v0.9.6, v0.10.2, v0.12.1, v0.13.12, v0.14.9, v0.15.3, v0.16.1 (default: ${DEFAULT-VALUE}).")
    String metallbVersion;

    @Option(names = "--manifests", paramLabel = "DIR|URL",
            description = "Where the manifests come from (laid out as <version>/<file>) instead of upstream; verified all the same.")
    String manifests;

    @Option(names = "--dry-run", description = "Print the plan and every object; apply nothing (no cluster needed).")
    boolean dryRun;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
            description = "table, json, or (with --dry-run) yaml for the objects (default: ${DEFAULT-VALUE}).")
    OutputFormat output;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m", converter = DurationConverter.class,
            description = "How long install may wait in all (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--no-wait", description = "Do not wait for the controller and speaker rollouts.")
    boolean noWait;

    @Option(names = "--adopt", description = {"Take over existing objects of the same names that lbctl did not create"
            + " (MetalLB's, or a pool): lbctl then owns them, overwrites them, and deletes them at uninstall."})
    boolean adopt;

    @Option(names = "--pools-only", description = {"Only add lbctl's pools to a MetalLB installed another way; MetalLB"
            + " itself is left as it is (and uninstall removes only the pools). Needs no manifests."})
    boolean poolsOnly;

    /** Announcing the --pool pools by BGP to one router. */
    static class BgpOptions {
        @Option(names = "--bgp-peer", paramLabel = "ADDRESS", required = true,
                description = "Announce the pools by BGP to the router at ADDRESS (needs --peer-asn and --my-asn).")
        String peerAddress;

        @Option(names = "--peer-asn", paramLabel = "N", required = true, description = "The router's AS number.")
        long peerAsn;

        @Option(names = "--my-asn", paramLabel = "N", required = true, description = "The AS number of MetalLB's speakers.")
        long myAsn;

        @Option(names = "--peer-port", paramLabel = "PORT", description = "The router's BGP port (default: 179).")
        Integer peerPort;

        @Option(names = "--hold-time", paramLabel = "DURATION", description = "BGP hold time, e.g. 90s (default: MetalLB's).")
        String holdTime;

        @Option(names = "--node-selector", paramLabel = "KEY=VALUE",
                description = "Only nodes with this label peer with the router. Repeatable.")
        Map<String, String> nodeSelector = new LinkedHashMap<>();

        @Option(names = "--bgp-community", paramLabel = "COMMUNITY",
                description = "A community on every announced route, e.g. 64512:100 (or large:1:2:3).")
        String community;

        @Option(names = "--aggregation-length", paramLabel = "N", description = "Announce IPv4 routes as /N (default: 32).")
        Integer aggregationLength;

        @Option(names = "--l2", description = "Keep the Layer 2 announcements of the pools as well (v0.13+ only).")
        boolean layer2;

        @Option(names = "--password-secret", paramLabel = "NAME", description = {"The session's TCP MD5 password: the"
                + " password key of Secret NAME (type kubernetes.io/basic-auth) in metallb-system, which must exist."})
        String passwordSecret;

        BgpSpec spec() {
            return new BgpSpec(peerAddress, peerAsn, myAsn, Optional.ofNullable(peerPort), Optional.ofNullable(holdTime),
                    nodeSelector, Optional.ofNullable(community), Optional.ofNullable(aggregationLength), layer2,
                    Optional.ofNullable(passwordSecret));
        }
    }

    @ArgGroup(exclusive = false, heading = "BGP (announce the --pool pools to a router):%n")
    BgpOptions bgp;

    @Option(names = "--skip-strictarp-check", description = "Install even if kube-proxy runs IPVS without strictARP.")
    boolean skipStrictArpCheck;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (output == OutputFormat.yaml && !dryRun) {
            throw new ParameterException(spec.commandLine(), Messages.get("install.yamlWithoutDryRun"));
        }
        GlobalOptions global = GlobalOptions.of(spec);
        Progress progress = GlobalOptions.progress(spec);
        MetalLbRelease release = ReleaseCatalog.find(metallbVersion);
        MetalLbConfig config;
        List<Map<String, Object>> rawResources = List.of();
        Optional<Map<String, Object>> legacyFile = Optional.empty();
        if (source.file != null) {
            // Read once: the file may be standard input or a pipe.
            String text = YamlDocuments.readText(source.file);
            String name = source.file.toString().equals("-") ? "standard input" : source.file.toString();
            config = ConfigFiles.read(text, name);
            rawResources = metallbResources(text, name);
            if (config.style() == ConfigStyle.LEGACY_CONFIGMAP) {
                legacyFile = Optional.of(LegacyPoolConfig.fileConfig(text, name));
            }
        } else {
            config = PoolInputs.commandLinePools(source.pools, release.version());
        }
        ManifestSource manifestSource = ManifestSource.forOption(Optional.ofNullable(manifests), ManifestCache.inUserHome());
        InstallPlan plan = new InstallPlanner(progress, !dryRun).plan(release, config, rawResources, legacyFile,
                Optional.ofNullable(bgp).map(BgpOptions::spec), manifestSource, timeout,
                !noWait, !skipStrictArpCheck, adopt, poolsOnly);
        List<AddressPool> pools = config.pools(release.version());
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            out.print(InstallPlanRenderer.render(plan, output));
            out.flush();
            return ExitCode.OK;
        }
        Thread interruptNote = new Thread(() -> progress.info(Messages.get("install.interrupted")));
        Runtime.getRuntime().addShutdownHook(interruptNote);
        try (ClusterSession session = new ClusterSession(global)) {
            Installer.Result result = new Installer(session.cluster(), progress).install(plan, pools);
            out.print(output == OutputFormat.json ? Json.write(json(plan, result)) : summary(plan, result));
            out.flush();
            return ExitCode.OK;
        } finally {
            Runtime.getRuntime().removeShutdownHook(interruptNote);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> metallbResources(String text, String source) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : YamlDocuments.flattenLists(YamlDocuments.parse(text, source))) {
            if (doc instanceof Map<?, ?> map && METALLB_KINDS.contains(String.valueOf(map.get("kind")))) {
                out.add((Map<String, Object>) map);
            }
        }
        return out;
    }

    static Map<String, Object> json(InstallPlan plan, Installer.Result result) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("release", result.release().tag());
        doc.put("namespace", result.release().namespace());
        doc.put("applied", result.applied());
        doc.put("skipped", result.skipped());
        doc.put("configurationChanged", result.configurationChanged());
        doc.put("adopted", result.adopted());
        doc.put("pruned", result.pruned());
        doc.put("keptAsTheirs", result.theirs());
        doc.put("pools", InstallPlanRenderer.pools(plan));
        doc.put("firstAddress", plan.firstAddress().orElse(null));
        return doc;
    }

    static String summary(InstallPlan plan, Installer.Result result) {
        StringBuilder sb = new StringBuilder();
        if (plan.poolsOnly()) {
            sb.append(Messages.get("install.poolsOnly", result.release().namespace())).append('\n');
        } else {
            sb.append(result.skipped().isEmpty()
                    ? Messages.get("install.installed", result.release().tag(), result.release().namespace(), result.applied())
                    : Messages.get("install.installed.skipped", result.release().tag(), result.release().namespace(),
                            result.applied(), result.skipped().size())).append('\n');
        }
        result.adopted().forEach(o -> sb.append(Messages.get("install.adopted", o)).append('\n'));
        result.pruned().forEach(o -> sb.append(Messages.get("install.pruned", o)).append('\n'));
        if (!result.theirs().isEmpty()) {
            sb.append(Messages.get("install.theirs", result.release().namespace() + "/" + LegacyPoolConfig.CONFIG_MAP_NAME,
                    String.join(", ", result.theirs()))).append('\n');
        }
        plan.configuration().pools().forEach(p -> sb.append(Messages.get("install.pool", p.name(), String.join(", ", p.addresses()))).append('\n'));
        plan.firstAddress().ifPresent(ip -> sb.append(Messages.get("install.firstAddress", ip)).append('\n'));
        return sb.toString();
    }
}
