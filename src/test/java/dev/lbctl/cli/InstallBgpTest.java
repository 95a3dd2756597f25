package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.SharedTestData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** install --bgp-peer offline (--dry-run): the rendered peer and advertisements go through MetalLB's rules first. */
class InstallBgpTest {

    private static CliRun dryRun(String... extra) {
        List<String> args = new ArrayList<>(List.of("install", "--dry-run", "-o", "yaml", "--manifests",
                SharedTestData.shared().resolve("metallb").toString(), "--pool", "lan=192.168.10.240-192.168.10.250",
                "--bgp-peer", "192.168.10.1", "--peer-asn", "64512", "--my-asn", "64513"));
        args.addAll(List.of(extra));
        return CliRun.lbctl(args.toArray(String[]::new));
    }

    @Test
    void theObjectsAreThePoolItsBgpAdvertisementAndThePeer() {
        CliRun run = dryRun("--bgp-community", "64512:100");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("kind: BGPAdvertisement", "name: lan-bgp", "- 64512:100", "apiVersion: metallb.io/v1beta2",
                "kind: BGPPeer", "peerAddress: 192.168.10.1").doesNotContain("name: lan-l2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--bgp-community|bogus|invalid community format: bogus",
        "--hold-time|1s|invalid hold time \"&Duration{Duration:1s,}\": must be 0 or >=3s",
        "--aggregation-length|20|invalid aggregation length 20",
    })
    void whatMetalLbWouldRefuseIsRefusedBeforeAnythingIsApplied(String option, String value, String reason) {
        CliRun run = dryRun(option, value);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains(reason)
                .contains("lbctl: error: the BGP options are invalid for MetalLB v0.16.1 (1 error); nothing was applied.");
    }

    @Test
    void configMapReleasesAreRefusedWithTheReason() {
        CliRun run = dryRun("--metallb-version", "v0.12.1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("--bgp-peer needs MetalLB v0.13.12 or later (CRD configuration)");
    }
}
