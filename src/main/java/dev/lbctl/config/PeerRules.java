package dev.lbctl.config;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * BGP peer checks: ConfigMap {@code parsePeer} (wrapped {@code parsing peer #N: ...}) and CRD {@code peerFromCR}
 * (wrapped with the peer's name), duplicate peers and references to BFD profiles.
 */
final class PeerRules {

    private static final long DEFAULT_HOLD_TIME = 90 * GoDuration.SECOND;
    private static final String DEFAULT_NAMESPACE = "metallb-system";

    private PeerRules() {
    }

    /** ConfigMap peers. Duplicates are whole-peer equality after defaults, as MetalLB's reflect.DeepEqual. */
    static void checkConfigMap(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        Set<String> profiles = config.bfdProfiles().stream().map(BfdProfileSpec::name).collect(Collectors.toSet());
        List<List<Object>> seen = new ArrayList<>();
        for (int i = 0; i < config.peers().size(); i++) {
            BgpPeerSpec peer = config.peers().get(i);
            String wrap = "parsing peer #" + (i + 1) + ": ";
            String object = "peer #" + (i + 1);
            List<String> errors = configMapErrors(peer, version);
            errors.forEach(e -> problems.error(wrap + e, null, object, peer.origin()));
            if (peer.bfdProfile() != null && !peer.bfdProfile().isEmpty() && !profiles.contains(peer.bfdProfile())) {
                problems.error("peer #" + (i + 1) + " referencing non existing bfd profile " + peer.bfdProfile(), null,
                        object, peer.origin());
            }
            if (errors.isEmpty()) {
                List<Object> identity = configMapIdentity(peer);
                if (seen.contains(identity)) {
                    problems.error("peer #" + (i + 1) + " already exists", null, object, peer.origin());
                }
                seen.add(identity);
            }
        }
    }

    private static List<String> configMapErrors(BgpPeerSpec p, MetalLbVersion version) {
        List<String> errors = new ArrayList<>();
        if (p.myAsn() == 0) {
            errors.add("missing local ASN");
        }
        if (p.peerAsn() == 0) {
            errors.add("missing peer ASN");
        }
        if (p.ebgpMultiHop() && p.myAsn() == p.peerAsn()) {
            errors.add("invalid ebgp-multihop parameter set for an ibgp peer");
        }
        if (parseIp(p.address()) == null) {
            errors.add("invalid peer IP " + GoQuote.q(nullToEmpty(p.address())));
        }
        Long hold = DEFAULT_HOLD_TIME;
        if (p.holdTime() != null && !p.holdTime().isEmpty()) {
            hold = null;
            try {
                long rounded = roundToSeconds(GoDuration.parse(p.holdTime()));
                if (rounded != 0 && rounded < 3 * GoDuration.SECOND) {
                    errors.add("invalid hold time " + GoQuote.q(p.holdTime()) + ": must be 0 or >=3s");
                } else {
                    hold = rounded;
                }
            } catch (GoDuration.DurationException e) {
                errors.add("invalid hold time " + GoQuote.q(p.holdTime()) + ": " + e.getMessage());
            }
        }
        if (p.keepaliveTime() != null && !p.keepaliveTime().isEmpty()) {
            try {
                long keepalive = roundToSeconds(GoDuration.parse(p.keepaliveTime()));
                if (hold != null && keepalive > hold) {
                    errors.add("invalid keepaliveTime " + GoQuote.q(p.keepaliveTime()));
                }
            } catch (GoDuration.DurationException e) {
                errors.add("invalid keepalive time " + GoQuote.q(p.keepaliveTime()) + ": " + e.getMessage());
            }
        }
        if (p.routerId() != null && !p.routerId().isEmpty() && parseIp(p.routerId()) == null) {
            errors.add("invalid router ID " + GoQuote.q(p.routerId()));
        }
        if (p.sourceAddress() != null && !p.sourceAddress().isEmpty() && parseIp(p.sourceAddress()) == null) {
            errors.add("invalid source IP " + GoQuote.q(p.sourceAddress()));
        }
        p.nodeSelectors().stream().map(KubeSelectorRules::legacyError).filter(Objects::nonNull).findFirst()
                .ifPresent(e -> errors.add("parsing node selector: " + e));
        return errors;
    }

    private static List<Object> configMapIdentity(BgpPeerSpec p) {
        return Arrays.asList(p.myAsn(), p.peerAsn(), parseIp(p.address()), parseIp(p.sourceAddress()),
                p.port() == 0 ? 179 : p.port(), nullToEmpty(p.holdTime()).isEmpty() ? DEFAULT_HOLD_TIME : durationOrNull(p.holdTime()),
                durationOrNull(p.keepaliveTime()), parseIp(p.routerId()), p.nodeSelectors(), nullToEmpty(p.password()),
                nullToEmpty(p.bfdProfile()), p.ebgpMultiHop());
    }

    /** BGPPeer resources, as {@code peersFor} and {@code peerFromCR} of the CRD releases. */
    static void checkCrd(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        Set<String> profiles = config.bfdProfiles().stream().map(BfdProfileSpec::name).collect(Collectors.toSet());
        List<BgpPeerSpec> seen = new ArrayList<>();
        for (BgpPeerSpec peer : config.peers()) {
            List<String> errors = crdErrors(peer, version);
            String object = "BGPPeer " + peer.name();
            errors.forEach(e -> problems.error(wrapCrd(version, peer.name(), e), null, object, peer.origin()));
            if (peer.bfdProfile() != null && !peer.bfdProfile().isEmpty() && !profiles.contains(peer.bfdProfile())) {
                // A TransientError: the webhook lets it through, but the controller loads no configuration at all
                // (config stale) until the profile exists, so for a whole configuration it is a refusal.
                problems.error("peer " + peer.name() + " referencing non existing bfd profile " + peer.bfdProfile(), null,
                        object, peer.origin());
            }
            if (peer.passwordSecret() != null && !peer.passwordSecret().isEmpty()) {
                problems.warning("peer-password-unchecked", null, "problem.peerPasswordUnchecked", GoQuote.q(peer.name()),
                        GoQuote.q(peer.passwordSecret()));
            }
            // reflect.DeepEqual includes the name, so only two resources with the same name can be equal.
            if (errors.isEmpty() && seen.stream().anyMatch(s -> sameExceptOrigin(s, peer))) {
                problems.error("peer " + peer.name() + " already exists", null, object, peer.origin());
            }
            seen.add(peer);
        }
    }

    private static String wrapCrd(MetalLbVersion version, String name, String error) {
        if (version.below(0, 14, 0)) {
            return "parsing peer " + name + ": " + error; // pkg/errors Wrapf
        }
        if (version.below(0, 16, 0)) {
            return error + "\nparsing peer " + name; // errors.Join
        }
        return "parsing peer " + name + " " + error;
    }

    private static List<String> crdErrors(BgpPeerSpec p, MetalLbVersion version) {
        List<String> errors = new ArrayList<>();
        String id = GoQuote.q(p.origin().namespace() == null ? DEFAULT_NAMESPACE : p.origin().namespace()) + "/" + GoQuote.q(p.name());
        if (p.myAsn() == 0) {
            errors.add("missing local ASN");
        }
        String dynamic = nullToEmpty(p.dynamicAsn());
        if (p.peerAsn() == 0 && dynamic.isEmpty()) {
            errors.add("missing peer ASN and dynamicASN");
        }
        if (p.peerAsn() != 0 && !dynamic.isEmpty()) {
            errors.add("both peer ASN and dynamicASN specified");
        }
        if (!dynamic.isEmpty() && !dynamic.equals("internal") && !dynamic.equals("external")) {
            errors.add("invalid dynamicASN " + dynamic);
        }
        if (p.peerAsn() == p.myAsn() && p.ebgpMultiHop()) {
            errors.add("invalid ebgp-multihop parameter set for an ibgp peer");
        }
        String address = nullToEmpty(p.address());
        String iface = nullToEmpty(p.iface());
        if (address.isEmpty() && iface.isEmpty()) {
            errors.add("peer has no Address or Interface specified");
        }
        if (!address.isEmpty() && !iface.isEmpty()) {
            errors.add("peer has both Address and Interface specified");
        }
        if (hasLineBreak(iface)) {
            errors.add("interface for peer " + id + " contains invalid characters");
        }
        String timers = timerError(p.holdTime(), p.keepaliveTime());
        if (timers != null) {
            errors.add("invalid BGPPeer timers: " + timers);
        }
        if (!address.isEmpty() && parseIp(address) == null) {
            errors.add("invalid BGPPeer address " + GoQuote.q(address));
        }
        if (!nullToEmpty(p.routerId()).isEmpty() && parseIp(p.routerId()) == null) {
            errors.add("invalid router ID " + GoQuote.q(p.routerId()));
        }
        if (!nullToEmpty(p.sourceAddress()).isEmpty() && parseIp(p.sourceAddress()) == null) {
            errors.add("invalid source IP " + GoQuote.q(p.sourceAddress()));
        }
        String selectors = GoSelectors.firstDuplicate(p.nodeSelectors(), "nodeSelectors");
        if (selectors != null) {
            errors.add(selectors);
        }
        p.nodeSelectors().stream().map(s -> KubeSelectorRules.error(s, version)).filter(Objects::nonNull).findFirst()
                .ifPresent(e -> errors.add(e + "\nfailed to convert peer " + p.name() + " node selector"));
        if (!nullToEmpty(p.password()).isEmpty() && !nullToEmpty(p.passwordSecret()).isEmpty()) {
            errors.add("can not have both password and secret ref set in peer config " + id);
        }
        if (hasLineBreak(nullToEmpty(p.password()))) {
            errors.add("password for peer " + id + " contains invalid characters");
        }
        if (hasLineBreak(nullToEmpty(p.vrf()))) {
            errors.add("VRF name for peer " + id + " contains invalid characters");
        }
        return errors;
    }

    /** {@code parseTimers}: a missing value is derived from the other (hold = 3 x keepalive). */
    private static String timerError(String holdText, String keepaliveText) {
        if (holdText == null && keepaliveText == null) {
            return null;
        }
        Long hold = durationOrNull(holdText);
        Long keepalive = durationOrNull(keepaliveText);
        if (hold == null && keepalive == null) {
            return null; // unparsable durations are rejected by the reader, as by the API server
        }
        long h = hold != null ? hold : keepalive * 3;
        long k = keepalive != null ? keepalive : h / 3;
        long rounded = roundToSeconds(h);
        if (rounded != 0 && rounded < 3 * GoDuration.SECOND) {
            return "invalid hold time " + quotedDuration(hold) + ": must be 0 or >=3s";
        }
        if (k > h) {
            return "invalid keepaliveTime " + quotedDuration(keepalive) + ", must be lower than holdTime " + quotedDuration(hold);
        }
        return null;
    }

    /** Go's {@code %q} of a {@code *metav1.Duration}: its generated String(), {@code &Duration{Duration:1s,}} or nil. */
    private static String quotedDuration(Long nanos) {
        return GoQuote.q(nanos == null ? "nil" : "&Duration{Duration:" + GoDuration.format(nanos) + ",}");
    }

    private static Long durationOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return GoDuration.parse(text);
        } catch (GoDuration.DurationException e) {
            return null;
        }
    }

    /** {@code time.Duration(int(d.Seconds())) * time.Second}: truncation toward zero. */
    private static long roundToSeconds(long nanos) {
        return nanos / GoDuration.SECOND * GoDuration.SECOND;
    }

    private static boolean sameExceptOrigin(BgpPeerSpec a, BgpPeerSpec b) {
        return a.equals(new BgpPeerSpec(b.name(), b.myAsn(), b.peerAsn(), b.dynamicAsn(), b.address(), b.iface(),
                b.sourceAddress(), b.port(), b.holdTime(), b.keepaliveTime(), b.connectTime(), b.routerId(),
                b.nodeSelectors(), b.password(), b.passwordSecret(), b.bfdProfile(), b.ebgpMultiHop(), b.vrf(),
                b.enableGracefulRestart(), b.disableMp(), a.origin()));
    }

    /** Go's {@code net.ParseIP}, which accepts what {@code netip.ParseAddr} accepts without a zone; null if invalid. */
    static IpAddress parseIp(String text) {
        return text == null ? null : IpAddress.parse(text).orElse(null);
    }

    private static boolean hasLineBreak(String s) {
        return s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    }

    private static String nullToEmpty(String s) {
        return Objects.requireNonNullElse(s, "");
    }
}
