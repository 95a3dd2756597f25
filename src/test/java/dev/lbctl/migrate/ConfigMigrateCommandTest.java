package dev.lbctl.migrate;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lbctl config migrate}: results on stdout, findings on stderr, and the exit-code contract. */
class ConfigMigrateCommandTest {

    @TempDir
    Path dir;

    private Path file(String text) throws IOException {
        Path file = dir.resolve("config-" + System.nanoTime() + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    /** A refusal: nothing on stdout, and one "lbctl: error:" sentence that names the value. */
    private static void assertRefused(CliRun run, int exitCode, String... named) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err().lines().filter(l -> l.startsWith("lbctl: error: ")).toList()).as(run.toString())
                .singleElement().asString().contains(named).endsWith(".");
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ");
    }

    @Test
    void printsTheConvertedDocumentsOnStdoutAndNothingElse() {
        CliRun run = lbctl("config", "migrate", "-f", MigrationFixtures.config("bgp-advertisements-communities").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(MigrationFixtures.expected("bgp-advertisements-communities"));
        assertThat(run.err()).doesNotContain("error");
    }

    @Test
    void theArticleConfigMapFromSharedIsReadyForKubectlApply() {
        CliRun run = lbctl("config", "migrate", "-f", MigrationFixtures.upstreamExample("v0.10.2").toString(), "-o", "yaml");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(MigrationFixtures.expected("article-layer2"));
    }

    @Test
    void jsonIsOneV1List() {
        CliRun run = lbctl("config", "migrate", "-f", MigrationFixtures.config("config-text-only").toString(), "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"List\",\n  \"items\": [")
                .contains("\"kind\": \"IPAddressPool\"", "\"name\": \"l2advertisement1\"");
    }

    @Test
    void renamedPoolsAreWarnedAboutOnStderr() {
        CliRun run = lbctl("config", "migrate", "-f", MigrationFixtures.config("names-sanitized").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).contains("warning: address pool \"Capitalized_AddressPool\" becomes IPAddressPool"
                + " \"capitalized-addresspool\": Services that ask for the pool by name (annotation"
                + " metallb.universe.tf/address-pool) must use the new name", "only MetalLB's FRR mode accepts");
    }

    @Test
    void offlineUseNeverBuildsAKubernetesClient() {
        CliRun run = lbctl("--kubeconfig", dir.resolve("no-such-kubeconfig").toString(),
                "config", "migrate", "-f", MigrationFixtures.config("config-text-only").toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
    }

    @Test
    void standardInputWithDash() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(MigrationFixtures.read(MigrationFixtures.config("peers"))
                    .getBytes(StandardCharsets.UTF_8)));
            CliRun run = lbctl("config", "migrate", "-f", "-");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).isEqualTo(MigrationFixtures.expected("peers"));
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void anInvalidLegacyConfigIsRefusedWithMetalLbsErrorsOnStderr() throws IOException {
        CliRun run = lbctl("config", "migrate", "-f", file("""
                address-pools:
                - name: a
                  protocol: layer2
                  addresses: [192.168.1.0/33]
                - name: b
                  addresses: [192.168.2.0/24]
                """).toString());
        assertRefused(run, 3, "is not valid for MetalLB v0.12.1, so it cannot be migrated",
                "invalid CIDR \"192.168.1.0/33\"", "(and 1 more, listed above)");
        assertThat(run.err()).contains(": parsing address pool #2: address pool is missing the protocol field");
    }

    @Test
    void customResourcesHaveNothingToMigrate() throws IOException {
        Path crds = file("""
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata: {name: first, namespace: metallb-system}
                spec: {addresses: [192.168.1.0/24]}
                """);
        assertRefused(run(crds), 3, crds.toString(), "holds MetalLB custom resources", "there is nothing to migrate");
    }

    @Test
    void namesThatMeetAfterConversionAreRefused() throws IOException {
        assertRefused(run(file("""
                address-pools:
                - {name: My_Pool, protocol: layer2, addresses: [192.168.1.0/28]}
                - {name: my-pool, protocol: layer2, addresses: [192.168.2.0/28]}
                """)), 3, "address pools \"My_Pool\" and \"my-pool\" would both become IPAddressPool \"my-pool\"");
    }

    @Test
    void aNameThatStaysInvalidIsRefused() throws IOException {
        assertRefused(run(file("""
                address-pools:
                - {name: "pool 1", protocol: layer2, addresses: [192.168.1.0/28]}
                """)), 3, "address pool \"pool 1\" would become IPAddressPool \"pool 1\", which is not a valid Kubernetes name");
    }

    @Test
    void aPeerPortAboveTheCrdMaximumIsRefused() throws IOException {
        assertRefused(run(file("""
                peers:
                - {peer-address: 10.0.0.1, peer-asn: 64501, my-asn: 64500, peer-port: 20000}
                """)), 3, "peer #1 (10.0.0.1) has peer-port 20000", "at most 16384");
    }

    @Test
    void whatTheLatestReleaseWouldRejectIsRefusedByTheSelfCheck() throws IOException {
        // v0.12.1 does not compare local preferences; v0.16.1 refuses two on the same pool and nodes.
        CliRun run = run(file("""
                address-pools:
                - name: public
                  protocol: bgp
                  addresses: [198.51.100.0/24]
                  bgp-advertisements:
                  - localpref: 100
                  - localpref: 200
                """));
        assertRefused(run, 3, "the converted resources would not be valid for MetalLB v0.16.1", "BGPAdvertisement bgpadvertisement2",
                "invalid local preference 200: local preferernce 100 was already set");
    }

    @Test
    void anEmptyConfigurationConvertsToNothingWithAWarning() throws IOException {
        CliRun run = run(file("address-pools: []\n"));
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).isEqualTo(ResourceText.HEADER);
        assertThat(run.err()).contains("defines no address pools, peers, communities or BFD profiles");
    }

    @Test
    void aMissingFileIsInvalidInput() {
        assertRefused(lbctl("config", "migrate", "-f", dir.resolve("nope.yaml").toString()), 3, "nope.yaml");
    }

    @Test
    void tableOutputIsAUsageError() {
        CliRun run = lbctl("config", "migrate", "-f", MigrationFixtures.config("peers").toString(), "-o", "table");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("--output", "expected one of [yaml, json]");
    }

    @Test
    void withoutAFileItNeedsTheCluster() {
        CliRun run = lbctl("--kubeconfig", dir.resolve("no-such-kubeconfig").toString(), "config", "migrate");
        assertRefused(run, 4, "cannot read the kubeconfig");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = lbctl("config", "migrate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("configmaptocrs", "Exit Codes:", "-f, --file=FILE");
    }

    private static CliRun run(Path file) {
        return lbctl("config", "migrate", "-f", file.toString());
    }
}
