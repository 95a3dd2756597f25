package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.SharedTestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    void aConfigMapReleaseGetsThePeerAndBgpPoolsInItsConfigMap() {
        CliRun run = dryRun("--metallb-version", "v0.12.1", "--bgp-community", "64512:100", "--node-selector", "rack=a");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("lbctl.dev/managed-peers: 192.168.10.1", "- peer-address: 192.168.10.1",
                "peer-asn: 64512", "my-asn: 64513", "match-labels:", "protocol: bgp", "bgp-advertisements:", "- 64512:100")
                .doesNotContain("kind: BGPPeer", "protocol: layer2");
    }

    @Test
    void l2CannotBeExpressedInTheConfigMapAndIsRefused() {
        CliRun run = dryRun("--metallb-version", "v0.12.1", "--l2");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("lbctl: error: --l2 cannot be expressed in the ConfigMap of MetalLB v0.12.1:");
    }

    @Test
    void nativeBgpOnAConfigMapReleaseRefusesIpv6PoolsAndSaysWhy() {
        CliRun run = CliRun.lbctl("install", "--dry-run", "--metallb-version", "v0.12.1", "--manifests",
                SharedTestData.shared().resolve("metallb").toString(), "--pool", "v6=2001:db8::/120",
                "--bgp-peer", "192.168.10.1", "--peer-asn", "64512", "--my-asn", "64513");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("native bgp mode does not support ipv6", "lbctl installs MetalLB's native BGP mode");
    }

    @Test
    void thePasswordSecretIsReferencedByTheBgpPeer() {
        CliRun run = dryRun("--password-secret", "router-md5");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("  passwordSecret:\n    name: router-md5\n    namespace: metallb-system\n");
        assertThat(run.err()).contains("which lbctl cannot check offline");
    }

    /** A real install checks the Secret on the cluster before its first write, so it does not warn that it cannot. */
    @Test
    void aRealInstallDoesNotWarnThatItCannotCheckTheSecret(@TempDir Path dir) throws IOException {
        CliRun run = CliRun.lbctlOn(CliRun.unreachableKubeconfig(dir), "install", "--manifests",
                SharedTestData.shared().resolve("metallb").toString(), "--pool", "lan=192.168.10.240-192.168.10.250",
                "--bgp-peer", "192.168.10.1", "--peer-asn", "64512", "--my-asn", "64513", "--password-secret", "router-md5",
                "--skip-strictarp-check");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).as(run.toString()).doesNotContain("cannot check offline");
    }

    @Test
    void onAConfigMapReleaseThePlanShowsWhereThePasswordComesFromNotAValue() {
        CliRun run = dryRun("--metallb-version", "v0.12.1", "--password-secret", "router-md5");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("password: <the password key of Secret metallb-system/router-md5, read at install"
                + " and never printed>");
    }

    @Test
    void aSecretNameKubernetesWouldRefuseIsRefused() {
        CliRun run = dryRun("--password-secret", "Router_MD5");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("--password-secret Router_MD5 is not a Secret name");
    }

    private static final String PUBLIC_POOL = """
            apiVersion: metallb.io/v1beta1
            kind: IPAddressPool
            metadata: {name: public, namespace: metallb-system}
            spec: {addresses: [198.51.100.0/24]}
            ---
            """;

    private static CliRun installFile(Path dir, String release, String text) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, text);
        return CliRun.lbctl("install", "--dry-run", "-o", "yaml", "--metallb-version", release, "--manifests",
                SharedTestData.shared().resolve("metallb").toString(), "-f", file.toString());
    }

    @Test
    void aConfigMapFileWithPeersAndBgpPoolsIsMergedAsWritten(@TempDir Path dir) throws IOException {
        CliRun run = installFile(dir, "v0.12.1", """
                bgp-communities:
                  backbone: 65535:10
                peers:
                - peer-address: 10.0.0.9
                  peer-asn: 64509
                  my-asn: 64500
                  source-address: 10.0.0.100
                address-pools:
                - name: public
                  protocol: bgp
                  addresses: [198.51.100.0/24]
                  bgp-advertisements:
                  - aggregation-length: 24
                    communities: [backbone]
                - name: home
                  protocol: layer2
                  addresses: [192.168.1.240/28]
                """);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("lbctl.dev/managed-peers: 10.0.0.9", "lbctl.dev/managed-bgp-communities: backbone",
                "source-address: 10.0.0.100", "backbone: 65535:10", "aggregation-length: 24", "protocol: layer2");
    }

    @Test
    void aConfigMapFileWithAnFrrOnlyOptionIsRefusedInNativeMode(@TempDir Path dir) throws IOException {
        CliRun run = installFile(dir, "v0.12.1", """
                peers:
                - {peer-address: 10.0.0.9, peer-asn: 64509, my-asn: 64500, keepalive-time: 10s}
                address-pools:
                - {name: public, protocol: bgp, addresses: [198.51.100.0/24]}
                """);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("peer 10.0.0.9 has keepalive-time set on native bgp mode",
                "lbctl installs MetalLB's native BGP mode");
    }

    @Test
    void aCrdFileWithABgpPeerAndAdvertisementIsAppliedAsLbctls(@TempDir Path dir) throws IOException {
        CliRun run = installFile(dir, "v0.16.1", PUBLIC_POOL + """
                apiVersion: metallb.io/v1beta1
                kind: BGPAdvertisement
                metadata: {name: public, namespace: metallb-system}
                spec: {ipAddressPools: [public], communities: ["64512:10"]}
                ---
                apiVersion: metallb.io/v1beta2
                kind: BGPPeer
                metadata: {name: router, namespace: metallb-system}
                spec: {myASN: 64500, peerASN: 64509, peerAddress: 10.0.0.9, passwordSecret: {name: router-md5}}
                """);

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("kind: BGPPeer", "kind: BGPAdvertisement", "app.kubernetes.io/managed-by: lbctl");
    }

    @Test
    void aCrdFileWithAnFrrOnlyOptionIsRefusedInNativeMode(@TempDir Path dir) throws IOException {
        CliRun run = installFile(dir, "v0.16.1", PUBLIC_POOL + """
                apiVersion: metallb.io/v1beta2
                kind: BGPPeer
                metadata: {name: router, namespace: metallb-system}
                spec: {myASN: 64500, peerASN: 64509, peerAddress: 10.0.0.9, vrf: red}
                """);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("peer 10.0.0.9 has vrf set on native bgp mode", "lbctl installs MetalLB's native BGP mode");
    }
}
