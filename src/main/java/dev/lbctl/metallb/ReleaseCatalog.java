package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.MetalLbVersion;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The MetalLB releases lbctl installs. The sha256 sums pin the bytes published at each tag (they match the test copies'
 * SHA256SUMS); a manifest with another sum is never applied.
 */
public final class ReleaseCatalog {

    private static final String RAW = "https://raw.githubusercontent.com/metallb/metallb/";
    private static final String LEGACY_ANNOTATIONS = "metallb.universe.tf";
    private static final String ANNOTATIONS = "metallb.io";
    /** Shared by v0.9.6 to v0.12.1: the file is byte-identical there. */
    private static final String NAMESPACE_YAML_SHA256 = "51a1c68cd8f92e4653075ea978642689a7786099000f9017a616567bab76114f";
    private static final WebhookNames WEBHOOK_UNTIL_0_14_3 =
            new WebhookNames("webhook-service", "webhook-server-cert", "metallb-webhook-configuration");
    private static final WebhookNames WEBHOOK_FROM_0_14_4 =
            new WebhookNames("metallb-webhook-service", "metallb-webhook-cert", "metallb-webhook-configuration");

    private static final List<MetalLbRelease> RELEASES = List.of(
            configMapRelease(MetalLbVersion.of(0, 9, 6), "ade9baf5e6bae8b2e661b6f0389ab7a51cafb93f5b5c4a5da126bb84610d860f", true),
            configMapRelease(MetalLbVersion.of(0, 10, 2), "e8fe450f2ae247d7386c76d8918dcff636ae52d0394fd6681c8f3931239f9d48", false),
            configMapRelease(MetalLbVersion.of(0, 12, 1), "53b1eec9ce0084df78531b35b212dbb6639cb8182dde351198c0fa50ac39fbd8", false),
            crdRelease(MetalLbVersion.of(0, 13, 12), "a5e3b65e073ba8236cc36c283fb33260e764977c7e460d6a462347ccaa91683d",
                    WEBHOOK_UNTIL_0_14_3, LEGACY_ANNOTATIONS),
            crdRelease(MetalLbVersion.of(0, 14, 9), "951065e85692aa106f1bb5d5a487d9306154923a794ab1d82122881cbaf588e4",
                    WEBHOOK_FROM_0_14_4, ANNOTATIONS),
            crdRelease(MetalLbVersion.of(0, 15, 3), "84b4e102f2b65f5d69085f5816c29362b74641873d8ac3de996e5f86a8219176",
                    WEBHOOK_FROM_0_14_4, ANNOTATIONS),
            crdRelease(MetalLbVersion.of(0, 16, 1), "bf25feebb7582ca7df845efd52ffbc2960d6cbf4cfc972f47fded9f788b67f0b",
                    WEBHOOK_FROM_0_14_4, ANNOTATIONS));

    private static final MetalLbRelease DEFAULT = RELEASES.get(RELEASES.size() - 1);

    private ReleaseCatalog() {
    }

    /** All releases, oldest first. */
    public static List<MetalLbRelease> all() {
        return RELEASES;
    }

    public static MetalLbRelease defaultRelease() {
        return DEFAULT;
    }

    /** Finds a release by tag, with or without the leading "v". */
    public static MetalLbRelease find(String version) {
        String tag = version.trim().startsWith("v") ? version.trim() : "v" + version.trim();
        return lookup(tag).orElseThrow(() -> new InvalidInputException(Messages.get("manifests.unknownVersion", version,
                knownTags())));
    }

    private static Optional<MetalLbRelease> lookup(String tag) {
        return RELEASES.stream().filter(r -> r.tag().equals(tag)).findFirst();
    }

    private static String knownTags() {
        return RELEASES.stream()
                .map(r -> r == DEFAULT ? Messages.get("manifests.defaultTag", r.tag()) : r.tag())
                .collect(Collectors.joining(", "));
    }

    /** v0.9 to v0.12 publish namespace.yaml and metallb.yaml under manifests/, and read the ConfigMap. */
    private static MetalLbRelease configMapRelease(MetalLbVersion version, String metallbYamlSha256,
            boolean lbctlCreatesMemberlistSecret) {
        String tag = version.toString();
        List<ReleaseFile> files = List.of(
                new ReleaseFile("namespace.yaml", URI.create(RAW + tag + "/manifests/namespace.yaml"), NAMESPACE_YAML_SHA256),
                new ReleaseFile("metallb.yaml", URI.create(RAW + tag + "/manifests/metallb.yaml"), metallbYamlSha256));
        return new MetalLbRelease(version, files, lbctlCreatesMemberlistSecret, "controller", "speaker",
                Optional.empty(), LEGACY_ANNOTATIONS);
    }

    /** v0.13 and later publish one metallb-native.yaml (the Namespace included) under config/manifests/. */
    private static MetalLbRelease crdRelease(MetalLbVersion version, String sha256, WebhookNames webhook,
            String annotationPrefix) {
        String tag = version.toString();
        List<ReleaseFile> files = List.of(new ReleaseFile("metallb-native.yaml",
                URI.create(RAW + tag + "/config/manifests/metallb-native.yaml"), sha256));
        return new MetalLbRelease(version, files, false, "controller", "speaker", Optional.of(webhook), annotationPrefix);
    }
}
