package dev.lbctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failures in the middle of the work, on the metallb tier: the API server stopped during an install and started
 * again (re-running install converges, losing nothing that was there), and an interrupt (Ctrl-C or a CI job's
 * cancellation) during verify's and install's waits. MetalLB's controller is paused to hold the commands in their waits; lbctl runs as a real child
 * process so that it receives a real signal.
 */
@Tag("cluster")
@Order(35)
class ReliabilityIT {

    private static final String NS = "metallb-system";
    private static final ResourceDefinitionContext IP_ADDRESS_POOL = new ResourceDefinitionContext.Builder()
            .withGroup("metallb.io").withVersion("v1beta1").withKind("IPAddressPool").withPlural("ipaddresspools")
            .withNamespaced(true).build();

    private static Path kubeconfig;
    private static KubernetesClient kube;

    @TempDir
    Path dir;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.metallb);
        kube = KubeFixtures.client(kubeconfig);
        KubeFixtures.removeMetalLb(kube); // what earlier classes applied by hand is not lbctl's, and would be refused
    }

    @AfterEach
    void resumeController() {
        TestEnv.testenv("metallb-controller", "resume");
    }

    @AfterAll
    static void uninstall() {
        CliRun run = run("uninstall", "--yes");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        KubeFixtures.removeMetalLb(kube);
        kube.close();
    }

    private static CliRun run(String... args) {
        return CliRun.lbctlOn(kubeconfig, args);
    }

    private static String manifests() {
        return TestEnv.manifests();
    }

    @Test
    void apiServerOutageDuringInstallThenRerunConvergesWithoutLosingAnything() throws Exception {
        CliRun first = run("install", "--manifests", manifests(), "--pool", "a=127.0.7.0/29");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(NS).resource(new GenericKubernetesResourceBuilder()
                .withApiVersion("metallb.io/v1beta1").withKind("IPAddressPool")
                .withNewMetadata().withName("theirs").withNamespace(NS).endMetadata()
                .addToAdditionalProperties("spec", Map.of("addresses", List.of("127.0.7.64/29")))
                .build()).create();
        // MetalLB writes the pool's status, so compare what a user owns: the spec's generation, and who manages it.
        Long theirsGeneration = pool("theirs").getMetadata().getGeneration();

        TestEnv.testenv("metallb-controller", "pause");
        Process install = lbctlProcess("install", "--manifests", manifests(), "--pool", "a=127.0.7.0/29",
                "--pool", "b=127.0.7.32/29", "--timeout", "2m");
        Path err = dir.resolve("install.err");
        awaitStderr(err, "webhook is not serving yet", Duration.ofSeconds(60), "install waiting for the webhook");
        TestEnv.testenv("stop", "kube-apiserver");
        assertThat(install.waitFor(90, TimeUnit.SECONDS)).as("install ends once the API server is gone").isTrue();
        assertThat(install.exitValue()).as(read(err)).isEqualTo(4);
        assertThat(read(err)).contains("cannot reach the Kubernetes API server");

        TestEnv.testenv("up", "metallb");
        TestEnv.testenv("metallb-controller", "resume");
        CliRun again = run("install", "--manifests", manifests(), "--pool", "a=127.0.7.0/29", "--pool", "b=127.0.7.32/29",
                "--timeout", "2m");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        List<String> pools = kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(NS).list().getItems().stream()
                .map(p -> p.getMetadata().getName()).sorted().collect(Collectors.toList());
        assertThat(pools).containsExactly("a", "b", "theirs");
        assertThat(pool("theirs").getMetadata().getGeneration()).as("a pool lbctl did not create is untouched")
                .isEqualTo(theirsGeneration);
        assertThat(pool("theirs").getMetadata().getManagedFields()).noneMatch(f -> "lbctl".equals(f.getManager()));
        kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(NS).withName("theirs").delete();
    }

    @Test
    void ctrlCDuringVerifyCleansUp() throws Exception {
        CliRun install = run("install", "--manifests", manifests(), "--pool", "a=127.0.7.0/29");
        assertThat(install.exitCode()).as(install.toString()).isZero();
        TestEnv.testenv("metallb-controller", "pause");
        Process verify = lbctlProcess("verify", "--namespace", "lbctl-verify-sigint", "--timeout", "2m");
        Path err = dir.resolve("verify.err");
        awaitStderr(err, "pods are ready", Duration.ofSeconds(60), "verify waiting for the external IP");
        interrupt(verify);
        var ns = kube.namespaces().withName("lbctl-verify-sigint").get();
        assertThat(ns == null || ns.getMetadata().getDeletionTimestamp() != null).as("namespace deleted on Ctrl-C").isTrue();
    }

    @Test
    void ctrlCDuringInstallSaysHowToFinish() throws Exception {
        TestEnv.testenv("metallb-controller", "pause");
        Process install = lbctlProcess("install", "--manifests", manifests(), "--pool", "c=127.0.7.128/29", "--timeout", "2m");
        Path err = dir.resolve("install.err");
        awaitStderr(err, "webhook is not serving yet", Duration.ofSeconds(60), "install waiting for the webhook");
        interrupt(install);
        assertThat(read(err)).contains("interrupted", "re-run the same 'lbctl install'");
    }

    /**
     * Ctrl-C, as the JVM sees it: SIGINT and SIGTERM run the same shutdown hooks. The test sends SIGTERM because a shell
     * that runs a job in the background (as CI systems may) starts it with SIGINT ignored, and a JVM that starts with
     * SIGINT ignored keeps ignoring it.
     */
    private static void interrupt(Process lbctl) throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(lbctl.pid())).start().waitFor();
        assertThat(lbctl.waitFor(60, TimeUnit.SECONDS)).as("lbctl exits after the signal").isTrue();
        assertThat(lbctl.exitValue()).isEqualTo(143);
    }

    private GenericKubernetesResource pool(String name) {
        return kube.genericKubernetesResources(IP_ADDRESS_POOL).inNamespace(NS).withName(name).get();
    }

    /** lbctl as its own JVM, with stderr to {@code <command>.err} in the temp folder. */
    private Process lbctlProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.lbctl.Main", "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        File err = dir.resolve(args[0] + ".err").toFile();
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err).start();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Waits until lbctl's stderr shows {@code text}; fails with what lbctl printed. */
    private static void awaitStderr(Path err, String text, Duration limit, String what) throws InterruptedException {
        Instant end = Instant.now().plus(limit);
        while (!read(err).contains(text)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + limit + " waiting for " + what + "; lbctl's stderr:\n" + read(err));
            }
            Thread.sleep(200);
        }
    }
}
