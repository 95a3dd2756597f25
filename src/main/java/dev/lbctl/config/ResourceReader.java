package dev.lbctl.config;

import dev.lbctl.i18n.Messages;
import dev.lbctl.i18n.Sentence;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.pool.ServiceAllocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one MetalLB custom resource (metallb.io) into the model, with the schema of the newest release that has the
 * kind. Fields that older releases lack are recorded as {@link VersionedField}s for the validator.
 */
final class ResourceReader {

    static final String GROUP = "metallb.io";

    /** Kinds and the versions MetalLB serves them in (any release). */
    private static final Map<String, Set<String>> SERVED = Map.of(
            "IPAddressPool", Set.of("v1beta1"),
            "L2Advertisement", Set.of("v1beta1"),
            "BGPAdvertisement", Set.of("v1beta1"),
            "BGPPeer", Set.of("v1beta1", "v1beta2"),
            "Community", Set.of("v1beta1"),
            "BFDProfile", Set.of("v1beta1"),
            "AddressPool", Set.of("v1alpha1", "v1beta1"));

    /** ObjectMeta fields a manifest may carry (e.g. from kubectl get -o yaml); lbctl uses name, namespace, labels. */
    private static final List<String> OTHER_METADATA = List.of("generateName", "selfLink", "uid", "resourceVersion",
            "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "annotations",
            "ownerReferences", "finalizers", "managedFields");

    private static final long UINT32_MAX = 4_294_967_295L;

    private final List<String> errors = new ArrayList<>();
    private final String kind;
    private final ConfigBuilder out;
    private Origin origin;
    private String name = "";
    private KubeFields spec;

    private ResourceReader(String kind, ConfigBuilder out) {
        this.kind = kind;
        this.out = out;
    }

    static boolean isMetalLbGroup(String apiVersion) {
        return apiVersion != null && apiVersion.startsWith(GROUP + "/");
    }

    /** Reads a document whose apiVersion is in the metallb.io group; a bad kind, version or field is an error. */
    static void read(Node document, String apiVersion, String kind, String file, ConfigBuilder out) {
        int line = GoYaml.line(document);
        Set<String> versions = SERVED.get(kind);
        if (versions == null) {
            throw new InvalidInputException(Messages.get("configFiles.notAMetalLbKind", file + ":" + line, GoQuote.q(kind), apiVersion));
        }
        String version = apiVersion.substring(GROUP.length() + 1);
        if (!versions.contains(version)) {
            throw new InvalidInputException(Messages.get("configFiles.unservedVersion", file + ":" + line, kind, apiVersion,
                    GROUP + "/" + versions.stream().sorted().reduce((a, b) -> b).orElseThrow()));
        }
        new ResourceReader(kind, out).readDocument(document, version, file, line);
    }

    private void readDocument(Node document, String version, String file, int line) {
        KubeFields doc = KubeFields.of(document, "", errors);
        doc.ignore("apiVersion");
        doc.ignore("kind");
        doc.ignore("status");
        KubeFields metadata = doc.object("metadata");
        name = Objects.requireNonNullElse(metadata.string("name"), "");
        origin = new Origin(file, line, metadata.string("namespace"));
        Map<String, String> labels = metadata.stringMap("labels");
        OTHER_METADATA.forEach(metadata::ignore);
        spec = doc.object("spec");
        switch (kind) {
            case "IPAddressPool" -> ipAddressPool(labels);
            case "AddressPool" -> addressPool(labels);
            case "L2Advertisement" -> l2Advertisement();
            case "BGPAdvertisement" -> bgpAdvertisement();
            case "BGPPeer" -> bgpPeer(version);
            case "Community" -> community();
            default -> bfdProfile();
        }
        metadata.rejectUnknown();
        spec.rejectUnknown();
        doc.rejectUnknown();
        failOnErrors();
    }

    /** One sentence for the whole object, unknown fields grouped as the API server's strict decoding reports them. */
    private void failOnErrors() {
        List<String> unknown = errors.stream().filter(e -> e.startsWith("unknown field ")).toList();
        List<String> parts = new ArrayList<>(errors.stream().filter(e -> !e.startsWith("unknown field ")).toList());
        if (!unknown.isEmpty()) {
            parts.add("strict decoding error: " + String.join(", ", unknown));
        }
        if (!parts.isEmpty()) {
            throw new InvalidInputException(origin + ": " + kind + " " + GoQuote.q(name) + ": " + String.join("; ", parts) + ".");
        }
    }

    private void ipAddressPool(Map<String, String> labels) {
        List<String> addresses = spec.strings("addresses");
        boolean autoAssign = spec.bool("autoAssign", true);
        since("avoidBuggyIPs", 0, 13, 4);
        boolean avoidBuggyIps = spec.bool("avoidBuggyIPs", false);
        since("serviceAllocation", 0, 13, 9);
        Optional<ServiceAllocation> allocation = Optional.empty();
        if (spec.has("serviceAllocation")) {
            KubeFields sa = spec.object("serviceAllocation");
            Long priority = sa.integer("priority", Integer.MIN_VALUE, Integer.MAX_VALUE);
            allocation = Optional.of(new ServiceAllocation(priority == null ? 0 : priority.intValue(), sa.strings("namespaces"),
                    sa.selectors("namespaceSelectors"), sa.selectors("serviceSelectors")));
            sa.rejectUnknown();
        }
        out.pools.add(new PoolSpec(PoolKind.IP_ADDRESS_POOL, name, addresses, autoAssign, avoidBuggyIps, null, List.of(),
                allocation, labels, origin));
    }

    private void addressPool(Map<String, String> labels) {
        String protocol = spec.string("protocol");
        List<String> addresses = spec.strings("addresses");
        boolean autoAssign = spec.bool("autoAssign", true);
        List<LegacyBgpAdvertisement> ads = new ArrayList<>();
        for (KubeFields ad : spec.objects("bgpAdvertisements")) {
            ads.add(new LegacyBgpAdvertisement(ad.integer("aggregationLength", Integer.MIN_VALUE, Integer.MAX_VALUE),
                    ad.integer("aggregationLengthV6", Integer.MIN_VALUE, Integer.MAX_VALUE),
                    ad.integer("localPref", 0, UINT32_MAX), ad.strings("communities"), ad.has("communities")));
            ad.rejectUnknown();
        }
        out.pools.add(new PoolSpec(PoolKind.ADDRESS_POOL, name, addresses, autoAssign, false, protocol, ads,
                Optional.empty(), labels, origin));
    }

    private void l2Advertisement() {
        List<String> pools = spec.strings("ipAddressPools");
        List<LabelSelector> poolSelectors = spec.selectors("ipAddressPoolSelectors");
        List<LabelSelector> nodeSelectors = spec.selectors("nodeSelectors");
        since("interfaces", 0, 13, 6);
        List<String> interfaces = spec.strings("interfaces");
        since("serviceSelectors", 0, 16, 0);
        List<LabelSelector> serviceSelectors = spec.selectors("serviceSelectors");
        out.l2Advertisements.add(new L2AdvertisementSpec(name, pools, poolSelectors, nodeSelectors, interfaces,
                serviceSelectors, origin));
    }

    private void bgpAdvertisement() {
        Long length = spec.integer("aggregationLength", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Long lengthV6 = spec.integer("aggregationLengthV6", Integer.MIN_VALUE, Integer.MAX_VALUE);
        Long localPref = spec.integer("localPref", 0, UINT32_MAX);
        List<String> communities = spec.strings("communities");
        List<String> pools = spec.strings("ipAddressPools");
        List<LabelSelector> poolSelectors = spec.selectors("ipAddressPoolSelectors");
        List<LabelSelector> nodeSelectors = spec.selectors("nodeSelectors");
        List<String> peers = spec.strings("peers");
        since("serviceSelectors", 0, 16, 0);
        List<LabelSelector> serviceSelectors = spec.selectors("serviceSelectors");
        out.bgpAdvertisements.add(new BgpAdvertisementSpec(name, length, lengthV6, localPref == null ? 0 : localPref,
                communities, pools, poolSelectors, nodeSelectors, peers, serviceSelectors, origin));
    }

    private void bgpPeer(String apiVersion) {
        boolean v1beta2 = apiVersion.equals("v1beta2");
        if (!v1beta2) {
            out.warnings.add(Problem.readWarning("deprecated-api-version",
                    Sentence.of("problem.deprecatedPeerVersion", origin, GoQuote.q(name), GROUP)));
        }
        long myAsn = orZero(spec.integer("myASN", 0, UINT32_MAX));
        long peerAsn = orZero(spec.integer("peerASN", 0, UINT32_MAX));
        String address = spec.string("peerAddress");
        String source = spec.string("sourceAddress");
        long port = orZero(spec.integer("peerPort", 0, 16384));
        String holdTime = duration("holdTime");
        String keepaliveTime = duration("keepaliveTime");
        String routerId = spec.string("routerID");
        List<LabelSelector> nodeSelectors = spec.selectors("nodeSelectors");
        String password = spec.string("password");
        String bfdProfile = spec.string("bfdProfile");
        boolean multiHop = spec.bool("ebgpMultiHop", false);
        String dynamicAsn = null;
        String iface = null;
        String connectTime = null;
        String secret = null;
        String vrf = null;
        boolean gracefulRestart = false;
        boolean disableMp = false;
        if (v1beta2) {
            KubeFields passwordSecret = spec.object("passwordSecret");
            secret = passwordSecret.string("name");
            passwordSecret.ignore("namespace");
            passwordSecret.rejectUnknown();
            vrf = spec.string("vrf");
            since("dynamicASN", 0, 14, 0);
            dynamicAsn = spec.string("dynamicASN");
            since("connectTime", 0, 14, 0);
            connectTime = duration("connectTime");
            since("enableGracefulRestart", 0, 14, 0);
            gracefulRestart = spec.bool("enableGracefulRestart", false);
            since("disableMP", 0, 14, 0);
            disableMp = spec.bool("disableMP", false);
            since("interface", 0, 15, 0);
            iface = spec.string("interface");
            since("dualStackAddressFamily", 0, 15, 0);
            spec.bool("dualStackAddressFamily", false);
            since("localASN", 0, 16, 0);
            spec.integer("localASN", 1, UINT32_MAX);
        }
        out.peers.add(new BgpPeerSpec(name, myAsn, peerAsn, dynamicAsn, address, iface, source, port, holdTime,
                keepaliveTime, connectTime, routerId, nodeSelectors, password, secret, bfdProfile, multiHop, vrf,
                gracefulRestart, disableMp, origin));
    }

    private void community() {
        List<CommunitySpec.Alias> aliases = new ArrayList<>();
        for (KubeFields alias : spec.objects("communities")) {
            String aliasName = alias.string("name");
            String value = alias.string("value");
            alias.rejectUnknown();
            aliases.add(new CommunitySpec.Alias(aliasName == null ? "" : aliasName, value == null ? "" : value));
        }
        out.communities.add(new CommunitySpec(name, aliases, origin));
    }

    private void bfdProfile() {
        out.bfdProfiles.add(new BfdProfileSpec(name,
                spec.integer("receiveInterval", 0, UINT32_MAX), spec.integer("transmitInterval", 0, UINT32_MAX),
                spec.integer("detectMultiplier", 0, UINT32_MAX), spec.integer("echoInterval", 0, UINT32_MAX),
                spec.bool("echoMode", false), spec.bool("passiveMode", false),
                spec.integer("minimumTtl", 0, UINT32_MAX), origin));
    }

    /** A metav1.Duration: the API server parses it with time.ParseDuration when it decodes the object. */
    private String duration(String key) {
        String text = spec.string(key);
        if (text != null) {
            try {
                GoDuration.parse(text);
            } catch (GoDuration.DurationException e) {
                errors.add("spec." + key + ": " + e.getMessage());
                return null;
            }
        }
        return text;
    }

    /** Records a field that releases before {@code major.minor.patch} do not have. */
    private void since(String field, int major, int minor, int patch) {
        if (spec.has(field)) {
            out.versionedFields.add(VersionedField.newerField("unknown field " + GoQuote.q("spec." + field),
                    kind + " " + GoQuote.q(name), MetalLbVersion.of(major, minor, patch),
                    origin));
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }
}
