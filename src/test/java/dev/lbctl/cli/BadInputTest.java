package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input gets one sentence naming the value and the documented exit code, never a trace or unbounded reading. */
class BadInputTest {

    @TempDir
    Path dir;

    private static void assertOneSentence(CliRun run) {
        assertThat(run.err()).as(run.toString()).startsWith("lbctl: error: ")
                .doesNotContain("Exception", "\tat ", "Cannot invoke", "OutOfMemoryError");
    }

    @Test
    void aDeviceIsReadOnlyUpToTheInputBound() {
        CliRun run = CliRun.lbctl("pool", "validate", "-f", "/dev/zero");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.err()).contains("/dev/zero is larger than the 16777216-byte limit");
        assertOneSentence(run);
    }

    @Test
    void dashReadsStandardInput() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("""
                    apiVersion: metallb.io/v1beta1
                    kind: IPAddressPool
                    metadata: {name: lan, namespace: metallb-system}
                    spec: {addresses: [192.168.100.240-192.168.100.250]}
                    """.getBytes(StandardCharsets.UTF_8)));
            CliRun run = CliRun.lbctl("pool", "validate", "-f", "-", "-o", "json");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("\"lan\"");
        } finally {
            System.setIn(stdin);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "empty| |is empty",
        "binary|BINARY|is not text",
        "malformed|clusters: [unclosed|is not valid YAML",
        "other-yaml|a: b|is not a kubeconfig",
    })
    void aBadKubeconfigIsNamedWithExitFour(String name, String content, String problem) throws IOException {
        Path file = dir.resolve(name);
        if ("BINARY".equals(content)) {
            Files.write(file, new byte[] {0, 1, 2, (byte) 0xff, 0x7f});
        } else {
            Files.writeString(file, content == null ? "" : content);
        }
        CliRun run = CliRun.lbctl("status", "--kubeconfig", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CLUSTER_ACCESS);
        assertThat(run.err()).contains("the kubeconfig " + file + " " + problem);
        assertOneSentence(run);
    }

    @Test
    void aDirectoryAsKubeconfigIsNamedWithExitFour() {
        CliRun run = CliRun.lbctl("status", "--kubeconfig", dir.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CLUSTER_ACCESS);
        assertThat(run.err()).contains("the kubeconfig " + dir + " is a directory");
    }

    @Test
    void anImpossibleRequestTimeoutIsNamed() throws IOException {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: c, cluster: {server: "https://127.0.0.1:9"}}]
                contexts: [{name: c, context: {cluster: c, user: u}}]
                current-context: c
                users: [{name: u, user: {token: t}}]
                """);
        CliRun run = CliRun.lbctl("status", "--kubeconfig", kubeconfig.toString(), "--request-timeout", "0s");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.CLUSTER_ACCESS);
        assertThat(run.err()).contains("--request-timeout 0s cannot be used");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--ip|not-an-ip|--ip not-an-ip is not an IP address",
        "--namespace|Bad_NS|--namespace Bad_NS is not a valid namespace name",
        "--junit|/nonexistent-dir/report.xml|--junit /nonexistent-dir/report.xml cannot be written",
    })
    void verifyRefusesBadArgumentsBeforeTouchingAnything(String option, String value, String message) {
        CliRun run = CliRun.lbctl("verify", "--kubeconfig", "/nonexistent-kubeconfig", option, value);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.USAGE);
        assertThat(run.err()).contains(message);
    }

    @Test
    void theWholeIpv6SpaceWarnsLikeAHugeIpv4Pool() {
        CliRun run = CliRun.lbctl("pool", "validate", "all=::/0");
        assertThat(run.out() + run.err()).as(run.toString()).contains("IPv6 addresses, more than a /64");
    }

    @Test
    void aPoolNameKubernetesWouldRefuseIsRefusedOffline() throws IOException {
        Path file = dir.resolve("pools.yaml");
        Files.writeString(file, """
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata: {name: Bad_Name, namespace: metallb-system}
                spec: {addresses: [192.168.100.240/29]}
                """);
        CliRun run = CliRun.lbctl("pool", "validate", "-f", file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(run.out() + run.err()).contains("Kubernetes refuses this name for an IPAddressPool");
    }

    @Test
    void interruptsAreInTheExitCodeTable() {
        CliRun run = CliRun.lbctl("--help");
        assertThat(run.out()).contains("130", "interrupted", "143", "terminated");
    }
}
