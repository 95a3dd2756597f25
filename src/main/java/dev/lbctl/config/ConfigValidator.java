package dev.lbctl.config;

import dev.lbctl.i18n.Sentence;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.MetalLbVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a {@link MetalLbConfig} the way a given MetalLB release would, and adds lbctl's own warnings.
 *
 * <p>MetalLB stops at its first error; this reports every problem it can, in the order MetalLB meets them. ERROR
 * messages carry MetalLB's own text (the pool is named as MetalLB's wrapping names it: {@code parsing address pool #1:}
 * for the ConfigMap, {@code parsing address pool NAME:} for resources; advertisements get {@code KIND NAME:}).
 */
public final class ConfigValidator {

    /** The BGP implementation the speakers run; it decides which options MetalLB refuses. Layer 2 setups use NATIVE. */
    public enum BgpMode { NATIVE, FRR }

    private static final MetalLbVersion FIRST_CRD_RELEASE = MetalLbVersion.of(0, 13, 0);

    private ConfigValidator() {
    }

    /** Validates against the release the configuration's style implies (v0.12.1 for a ConfigMap, else the newest). */
    public static List<Problem> validate(MetalLbConfig config) {
        return validate(config, config.impliedVersion());
    }

    public static List<Problem> validate(MetalLbConfig config, MetalLbVersion version) {
        return validate(config, version, BgpMode.NATIVE);
    }

    public static List<Problem> validate(MetalLbConfig config, MetalLbVersion version, BgpMode mode) {
        Problems problems = new Problems();
        config.readWarnings().forEach(problems::add);
        if (config.readWarnings().stream().anyMatch(Problem::isError)) {
            return problems.toList(); // a ConfigMap text MetalLB cannot decode: it stops there
        }
        MetalLbVersion rules = checkStyle(config, version, problems);
        if (!checkVersionedFields(config, version, problems)) {
            // A value yaml.v2 cannot decode: MetalLB stops there, and lbctl has nothing sound to check beyond it.
            return problems.toList();
        }
        if (config.style() == ConfigStyle.LEGACY_CONFIGMAP) {
            validateConfigMap(config, rules, mode, problems);
        } else {
            validateResources(config, rules, mode, problems);
        }
        return problems.toList();
    }

    /**
     * What each MetalLB component does with a configuration. v0.12's controller parses without the BGP
     * implementation's checks (its speakers run them); since v0.13 the controller runs the checks of the implementation
     * it is started for, taken here as native (the manifests lbctl installs); before v0.12 there are no such checks.
     */
    public record Verdicts(boolean controller, boolean speakerNative, boolean speakerFrr) {
    }

    /** The verdicts, given the problems {@link #validate(MetalLbConfig, MetalLbVersion)} found (native mode). */
    public static Verdicts verdicts(MetalLbConfig config, MetalLbVersion version, List<Problem> nativeProblems) {
        return new Verdicts(nativeProblems.stream().noneMatch(Problem::refusedByController),
                nativeProblems.stream().noneMatch(Problem::refusedByMetalLb),
                validate(config, version, BgpMode.FRR).stream().noneMatch(Problem::refusedByMetalLb));
    }

    /** Reports a style the release does not read, and returns the release whose rules fit the style. */
    private static MetalLbVersion checkStyle(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        if (config.style() == ConfigStyle.LEGACY_CONFIGMAP && !version.usesConfigMap()) {
            problems.refusal("style-not-read", null, "problem.configMapIgnored", version);
            return MetalLbConfig.LAST_CONFIGMAP_RELEASE;
        }
        if (config.style() == ConfigStyle.CRD && version.usesConfigMap()) {
            problems.refusal("style-not-read", null, "problem.resourcesIgnored", version);
            return FIRST_CRD_RELEASE;
        }
        return version;
    }

    /** Reports fields the release does not know; false when some value no release decodes was among them. */
    private static boolean checkVersionedFields(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        List<VersionedField> unknown = config.versionedFields().stream().filter(f -> f.reportedBy(version)).toList();
        // yaml.v2's UnmarshalStrict (ConfigMap) lists every unknown field of the text in one error, a line each.
        List<VersionedField> configMap = unknown.stream().filter(f -> f.object() == null)
                .sorted(Comparator.comparingInt(f -> f.origin().line())).toList();
        if (!configMap.isEmpty()) {
            problems.errorWithHint("could not parse config: yaml: unmarshal errors:"
                    + configMap.stream().map(f -> "\n  " + f.rejection()).collect(Collectors.joining()), tooNew(configMap, version));
        }
        for (VersionedField field : unknown) {
            if (field.object() != null) {
                problems.errorWithHint(field.object() + ": strict decoding error: " + field.rejection(), tooNew(List.of(field), version));
            }
        }
        return unknown.stream().allMatch(f -> f.since() != null);
    }

    /** lbctl's note on the fields the release is too old for, or null when none is (only decoding errors). */
    private static Sentence tooNew(List<VersionedField> fields, MetalLbVersion version) {
        List<VersionedField> versioned = fields.stream().filter(f -> f.since() != null).toList();
        if (versioned.isEmpty()) {
            return null;
        }
        String since = versioned.stream().map(f -> f.since().toString()).distinct().collect(Collectors.joining(", "));
        return Sentence.of(versioned.size() == 1 ? "problem.tooNewField" : "problem.tooNewFields", version, since);
    }

    /** {@code config.Parse} of the ConfigMap releases: BGP mode checks, BFD profiles, peers, communities, then pools. */
    private static void validateConfigMap(MetalLbConfig config, MetalLbVersion version, BgpMode mode, Problems problems) {
        // config.Parse runs the BGP implementation's checks first, right after decoding.
        if (version.atLeast(0, 12, 0)) {
            ModeRules.checkConfigMap(config, version, mode, problems);
        }
        BfdRules.check(config, version, problems);
        PeerRules.checkConfigMap(config, version, problems);
        config.legacyCommunities().forEach((alias, value) -> {
            String error = BgpCommunity.checkConfigMap(value, version);
            if (error != null) {
                problems.error("parsing community " + GoQuote.q(alias) + ": " + error, null);
            }
        });
        List<CheckedPool> pools = PoolRules.check(config, version, problems);
        LbctlWarnings.check(config, pools, version, problems);
    }

    /** {@code config.For} of the CRD releases: mode checks, BFD profiles, peers, pools and advertisements. */
    private static void validateResources(MetalLbConfig given, MetalLbVersion version, BgpMode mode, Problems problems) {
        // Since v0.14.9 (at the latest) the controller sorts each kind by name before config.For (toConfig): which
        // error comes first, and the numbers in "advertisement 1 and 2 are equal", follow name order, not file order.
        MetalLbConfig config = version.atLeast(0, 14, 9) ? given.sortedByName() : given;
        for (PoolSpec pool : config.poolSpecs()) {
            if (pool.kind() == PoolKind.ADDRESS_POOL && version.atLeast(0, 14, 2)) {
                problems.refusal("removed-kind", pool.name(), "problem.addressPoolRemoved", pool.name(), version);
            }
        }
        // The mode checks run first in MetalLB and parse the addresses themselves.
        ModeRules.checkCrd(config, version, mode, problems);
        BfdRules.check(config, version, problems);
        PeerRules.checkCrd(config, version, problems);
        Set<String> aliases = AdvertisementRules.communityAliases(config, version, problems);
        List<CheckedPool> pools = PoolRules.check(config, version, problems);
        AdvertisementRules.check(config, pools, aliases, version, problems);
        BfdRules.checkEcho(config, pools, problems);
        LbctlWarnings.check(config, pools, version, problems);
    }
}
