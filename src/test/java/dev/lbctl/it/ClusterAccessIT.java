package dev.lbctl.it;

import static dev.lbctl.cli.CliRun.lbctl;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the cluster cannot be used: one sentence and exit 4, against a real API server. */
@Tag("cluster")
@Order(11) // api-tier classes first: a class only ever raises the tier (see TestEnv)
class ClusterAccessIT {

    private static Path kubeconfig;
    private static KubernetesClient kube;
    private static Config config;

    @TempDir
    Path dir;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.api);
        kube = KubeFixtures.client(kubeconfig);
        config = Config.fromKubeconfig(null, kubeconfig.toFile());
    }

    @AfterAll
    static void closeClient() {
        kube.close();
    }

    private Path kubeconfigWith(String server, String token) throws IOException {
        String ca = config.getCaCertData() != null ? config.getCaCertData()
                : java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of(config.getCaCertFile())));
        Path file = dir.resolve("kubeconfig-" + Math.abs((server + token).hashCode()));
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: test
                  cluster:
                    server: %s
                    certificate-authority-data: %s
                users:
                - name: test
                  user:
                    token: %s
                contexts:
                - name: test
                  context: {cluster: test, user: test}
                current-context: test
                """.formatted(server, ca, token));
        return file;
    }

    @Test
    void unreachableServerIsExit4WithOneSentence() throws IOException {
        CliRun run = lbctl("--kubeconfig", kubeconfigWith("https://127.0.0.1:1", "x").toString(), "check-strictarp");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).as(run.toString())
                .startsWith("lbctl: error: cannot reach the Kubernetes API server at https://127.0.0.1:1")
                .contains("connection refused")
                .doesNotContain("\tat ");
        assertThat(run.err().strip().lines()).hasSize(1);
    }

    @Test
    void rejectedCredentialsAreExit4AndSaySo() throws IOException {
        CliRun run = lbctl("--kubeconfig", kubeconfigWith(config.getMasterUrl(), "not-a-valid-token").toString(), "check-strictarp");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).as(run.toString()).contains("rejected the credentials (401 Unauthorized)").doesNotContain("\tat ");
    }

    @Test
    void forbiddenNamesTheVerbAndResource() throws IOException {
        kube.serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder()
                .withNewMetadata().withName("lbctl-no-rights").endMetadata().build()).createOr(r -> r.update());
        TokenRequest token = kube.serviceAccounts().inNamespace("default").withName("lbctl-no-rights")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(600L).endSpec().build());
        CliRun run = lbctl("--kubeconfig", kubeconfigWith(config.getMasterUrl(), token.getStatus().getToken()).toString(),
                "check-strictarp");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(4);
        assertThat(run.err()).as(run.toString())
                .contains("forbidden to get configmap kube-system/kube-proxy")
                .contains("cannot get resource \"configmaps\"")
                .doesNotContain("\tat ");
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        CliRun run = lbctl("--kubeconfig", kubeconfigWith("https://127.0.0.1:1", "x").toString(), "-v", "check-strictarp");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("\tat ");
    }
}
