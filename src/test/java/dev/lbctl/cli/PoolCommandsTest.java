package dev.lbctl.cli;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool commands' contract: exit codes, streams, and one sentence for every bad input. */
class PoolCommandsTest {

    @TempDir
    Path dir;

    /** A user error is one line on stderr, names the value, and never shows a stack trace. */
    private static void assertOneSentenceError(CliRun run, int exitCode, String value) {
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(exitCode);
        assertThat(run.out()).as(run.toString()).isEmpty();
        assertThat(run.err()).as(run.toString()).startsWith("lbctl: error: ").contains(value).doesNotContain("\tat ");
    }

    @Test
    void missingFileIsInvalidInput() {
        assertOneSentenceError(lbctl("pool", "validate", "-f", "no/such/file.yaml"), 3, "no/such/file.yaml");
    }

    @Test
    void malformedYamlNamesFileAndLine() throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "apiVersion: metallb.io/v1beta1\nkind: IPAddressPool\nmetadata: {name: x\nspec: [\n");
        CliRun run = lbctl("pool", "validate", "-f", file.toString());
        assertOneSentenceError(run, 3, file + ":");
        assertThat(run.err()).contains("malformed YAML");
    }

    @Test
    void nonUtf8BytesAreInvalidInput() throws IOException {
        Path file = dir.resolve("latin1.yaml");
        Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xe9, '\n'});
        assertOneSentenceError(lbctl("pool", "validate", "-f", file.toString()), 3, "not valid UTF-8");
    }

    @Test
    void wrongKindIsInvalidInput() throws IOException {
        Path file = dir.resolve("deployment.yaml");
        Files.writeString(file, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n");
        CliRun run = lbctl("pool", "validate", "-f", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err() + run.out()).as(run.toString()).contains("Deployment").doesNotContain("\tat ");
    }

    @Test
    void noPoolIsAUsageError() {
        CliRun run = lbctl("pool", "validate");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("give at least one pool").contains("--help");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(lbctl("pool", "validate", "--poool", "10.0.0.0/24").exitCode()).isEqualTo(2);
    }

    @Test
    void validateErrorsGoToStdoutInJsonWithExit3() {
        CliRun run = lbctl("pool", "validate", "--pool", "10.0.0.0/24", "--pool", "10.0.0.128/25", "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("\"valid\": false", "overlaps with already defined CIDR \\\"10.0.0.0/24\\\"");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void eachProblemSaysWhoRefusesItAndWhereItComesFrom(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("pools.yaml");
        Files.writeString(file, """
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata: {name: lan, namespace: metallb-system}
                spec:
                  addresses: [10.0.0.10-fd00::20]
                ---
                apiVersion: metallb.io/v1beta1
                kind: BGPAdvertisement
                metadata: {name: adv, namespace: metallb-system}
                spec: {aggregationLength: 33}
                """);
        CliRun run = lbctl("pool", "validate", "-f", file.toString(), "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("\"valid\": false", "\"metallbAccepts\": false",
                "\"source\": \"metallb\"", "\"message\": \"invalid aggregation length '!' for IPv4\"",
                "\"object\": \"BGPAdvertisement adv\"", "\"line\": 7",
                "\"source\": \"lbctl\"", "contains no addresses");
        CliRun table = lbctl("pool", "validate", "-f", file.toString());
        assertThat(table.out()).contains("error: BGPAdvertisement adv (" + file + ":7): invalid aggregation length '!' for IPv4",
                "error (lbctl only, MetalLB accepts it): pool \"lan\": address range");
    }

    /** yaml.v2's strict decoding lists every unknown field, a line each: JSON keeps MetalLB's text, the table one line. */
    @Test
    void metallbsMultiLineErrorIsKeptWholeInJson() throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                peers:
                - peer-address: 10.0.0.1
                  peer-asn: 64500
                  my-asn: 64501
                  source-address: 10.0.0.9
                  keepalive-time: 1s
                """);
        String metallb = "could not parse config: yaml: unmarshal errors:\\n  line 5: field source-address not found in type"
                + " config.peer\\n  line 6: field keepalive-time not found in type config.peer";
        CliRun json = lbctl("pool", "validate", "-f", file.toString(), "--metallb-version", "v0.10.2", "-o", "json");
        assertThat(json.out()).as(json.toString()).contains("\"message\": \"" + metallb + "\"");
        CliRun table = lbctl("pool", "validate", "-f", file.toString(), "--metallb-version", "v0.10.2");
        assertThat(table.out()).as(table.toString()).contains("could not parse config: yaml: unmarshal errors: line 5: field"
                + " source-address not found in type config.peer; line 6: field keepalive-time not found in type config.peer");
    }

    /**
     * Which MetalLB component refuses (v0.12.1's speaker/main.go picks DiscardFRROnly or DiscardNativeOnly, its
     * controller/main.go passes DontValidate; since v0.13.0 the controller runs ValidationFor(bgpType) too).
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            v0.12.1 native-only IPv6 bgp pool | v0.12.1 | peers: [{peer-address: 10.0.0.1, peer-asn: 64500, my-asn: 64501}] ~ address-pools: [{name: v6, protocol: bgp, addresses: [fd00::/120]}] | metallb-speaker-native | true  | false | true
            v0.12.1 frr-only two local ASNs   | v0.12.1 | peers: [{peer-address: 10.0.0.1, peer-asn: 64500, my-asn: 64501}, {peer-address: 10.0.0.2, peer-asn: 64500, my-asn: 64502}] ~ address-pools: [{name: a, protocol: layer2, addresses: [10.0.0.0/28]}] | -  | true  | true  | false
            v0.12.1 overlap every one refuses | v0.12.1 | address-pools: [{name: a, protocol: layer2, addresses: [10.0.0.0/28]}, {name: b, protocol: layer2, addresses: [10.0.0.8/29]}] | metallb | false | false | false
            v0.11.0 has no mode checks        | v0.11.0 | peers: [{peer-address: 10.0.0.1, peer-asn: 64500, my-asn: 64501}] ~ address-pools: [{name: v6, protocol: bgp, addresses: [fd00::/120]}] | - | true | true | true
            """)
    void eachMetalLbComponentsVerdict(String name, String release, String config, String source, boolean controller,
            boolean speakerNative, boolean speakerFrr) throws IOException {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, config.replace(" ~ ", "\n") + "\n");
        CliRun run = lbctl("pool", "validate", "-f", file.toString(), "--metallb-version", release, "-o", "json");
        assertThat(run.out()).as(run.toString()).contains("\"metallbComponents\": {\n    \"metallb-controller\": " + controller
                + ",\n    \"metallb-speaker-native\": " + speakerNative + ",\n    \"metallb-speaker-frr\": " + speakerFrr + "\n  }");
        assertThat(run.out()).as(run.toString()).contains("\"metallbAccepts\": " + (controller && speakerNative));
        if (source.equals("-")) {
            assertThat(run.out()).as(run.toString()).doesNotContain("\"source\": \"metallb");
        } else {
            assertThat(run.out()).as(run.toString()).contains("\"source\": \"" + source + "\"");
        }
    }

    @Test
    void whatOnlyLbctlRefusesIsAcceptedByMetalLbInJson() {
        CliRun run = lbctl("pool", "validate", "--pool", "10.0.0.10-fd00::20", "-o", "json");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.out()).contains("\"valid\": false", "\"metallbAccepts\": true", "\"source\": \"lbctl\"");
        assertThat(lbctl("pool", "validate", "--pool", "10.0.0.10-fd00::20").out())
                .contains("invalid for MetalLB v0.16.1: 1 error, 0 warnings (MetalLB itself would accept it; the errors are lbctl's)");
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun run = lbctl("pool", "validate", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Exit Codes:", "3", "invalid input", "cluster access error", "timed out");
    }

    @Test
    void versionPrintsTheBuildVersion() {
        CliRun run = lbctl("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("lbctl ").doesNotContain("unknown");
    }

    @Test
    void simulateWithInvalidServicesFileNamesTheService() throws IOException {
        Path file = dir.resolve("svc.yaml");
        Files.writeString(file, "apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n"
                + "  ports: [{port: eighty}]\n");
        CliRun run = lbctl("pool", "simulate", "--pool", "10.0.0.0/29", "--services", file.toString());
        assertOneSentenceError(run, 3, "eighty");
    }

    @Provide
    Arbitrary<String> poolLikeStrings() {
        Arbitrary<String> octet = Arbitraries.integers().between(-5, 300).map(String::valueOf);
        Arbitrary<String> ipv4 = octet.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l));
        Arbitrary<String> ipv6 = Arbitraries.strings().withChars("0123456789abcdefg:").ofMaxLength(45);
        Arbitrary<String> address = Arbitraries.oneOf(ipv4, ipv6);
        Arbitrary<String> prefix = Arbitraries.integers().between(-1, 999).map(n -> "/" + n);
        Arbitrary<String> cidr = Arbitraries.oneOf(address, address.flatMap(a -> prefix.map(p -> a + p)));
        Arbitrary<String> range = Arbitraries.oneOf(address, Arbitraries.integers().between(0, 999).map(String::valueOf))
                .flatMap(end -> address.map(start -> start + Arbitraries.of("-", " - ", "--").sample() + end));
        Arbitrary<String> garbage = Arbitraries.strings().ofMaxLength(30);
        return Arbitraries.oneOf(cidr, range, garbage);
    }

    /** Thousands of pool strings: the answer is always exit 0 or 3 (or 2 for what looks like an option), never a trace. */
    @Property(tries = 1500)
    void anyPoolStringGetsAnAnswerNotATrace(@ForAll("poolLikeStrings") String pool) {
        CliRun run = lbctl("pool", "validate", "-o", "json", "--pool=" + pool);
        if (pool.startsWith("-")) {
            assertThat(run.exitCode()).as(run.toString()).isIn(0, 2, 3); // picocli may read it as an option
        } else {
            assertThat(run.exitCode()).as(run.toString()).isIn(0, 3);
        }
        assertThat(run.err()).as(run.toString()).doesNotContain("\tat ").doesNotContain("Exception");
        if (run.exitCode() == 3 && run.out().isEmpty()) {
            assertThat(run.err().strip().lines()).as(run.toString()).hasSize(1);
        }
    }
}
