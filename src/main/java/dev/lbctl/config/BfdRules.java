package dev.lbctl.config;

import dev.lbctl.pool.IpFamily;
import dev.lbctl.pool.MetalLbVersion;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code bfdProfileFromCR} and its loop: name, value ranges, duplicate names. */
final class BfdRules {

    private BfdRules() {
    }

    static void check(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < config.bfdProfiles().size(); i++) {
            BfdProfileSpec profile = config.bfdProfiles().get(i);
            String wrap = "parsing bfd profile #" + (i + 1) + ": ";
            if (profile.name().isEmpty()) {
                problems.error(wrap + "missing bfd profile name", null);
            }
            range(profile.detectMultiplier(), 2, 255, "invalid detect multiplier value", wrap, version, problems);
            range(profile.receiveInterval(), 10, 60000, "invalid receive interval value", wrap, version, problems);
            range(profile.transmitInterval(), 10, 60000, "invalid transmit interval value", wrap, version, problems);
            range(profile.minimumTtl(), 1, 254, "invalid minimum ttl value", wrap, version, problems);
            range(profile.echoInterval(), 10, 60000, "invalid echo interval value", wrap, version, problems);
            if (!names.add(profile.name())) {
                problems.error("found duplicate bfd profile name " + profile.name(), null);
            }
        }
    }

    /** {@code validateConfig}: BFD echo cannot run on sessions that carry an IPv6 pool. */
    static void checkEcho(MetalLbConfig config, List<CheckedPool> pools, Problems problems) {
        Set<String> echoProfiles = new HashSet<>();
        config.bfdProfiles().stream().filter(BfdProfileSpec::echoMode).forEach(p -> echoProfiles.add(p.name()));
        for (CheckedPool pool : pools) {
            if (!pool.hasFamily(IpFamily.IPV6)) {
                continue;
            }
            for (BgpAdvertisementSpec adv : config.bgpAdvertisements()) {
                if (!AdvertisementRules.selectedPools(adv, List.of(pool)).isEmpty()) {
                    config.peers().stream()
                            .filter(peer -> adv.peers().isEmpty() || adv.peers().contains(peer.name()))
                            .filter(peer -> echoProfiles.contains(peer.bfdProfile()))
                            .findFirst()
                            .ifPresent(peer -> problems.error("pool " + pool.name() + " has bgpadvertisement " + adv.name()
                                    + " which references peer " + peer.name()
                                    + " which has bfd echo enabled, which is not possible", pool.name()));
                }
            }
        }
    }

    private static void range(Long value, long min, long max, String what, String wrap, MetalLbVersion version,
            Problems problems) {
        if (value == null || (value >= min && value <= max)) {
            return;
        }
        String cause = "invalid value " + value + ", must be in " + min + "-" + max + " range";
        // pkg/errors.Wrap until the move to errors.Join (seen in v0.15; v0.14 assumed).
        String message = version.below(0, 14, 0) ? what + ": " + cause : cause + "\n" + what;
        problems.error(wrap + message, null);
    }
}
