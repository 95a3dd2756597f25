package dev.lbctl.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.CliRun;
import dev.lbctl.strictarp.KubeProxyStrictArp;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** check-strictarp against a real kube-apiserver (the api tier of scripts/testenv). */
@Tag("cluster")
@Order(10) // api-tier classes first: a class only ever raises the tier (see TestEnv)
class CheckStrictArpIT {

    private static final String KUBECONFIG_CONF = "apiVersion: v1\nkind: Config\n# kube-proxy's own kubeconfig: must stay untouched\n";

    private static Path kubeconfig;
    private static KubernetesClient kube;

    @BeforeAll
    static void controlPlane() {
        kubeconfig = TestEnv.up(TestEnv.Tier.api);
        kube = KubeFixtures.client(kubeconfig);
    }

    @AfterAll
    static void closeClient() {
        kube.close();
    }

    @AfterEach
    void removeKubeProxyConfigMap() {
        kube.configMaps().inNamespace("kube-system").withName("kube-proxy").delete();
    }

    private CliRun run(String... args) {
        return CliRun.lbctlOn(kubeconfig, args);
    }

    private void createKubeProxyConfigMap(String configConf) {
        kube.configMaps().inNamespace("kube-system").resource(new ConfigMapBuilder()
                .withNewMetadata().withName("kube-proxy").withNamespace("kube-system").endMetadata()
                .withData(Map.of("config.conf", configConf, "kubeconfig.conf", KUBECONFIG_CONF))
                .build()).create();
    }

    private ConfigMap live() {
        return kube.configMaps().inNamespace("kube-system").withName("kube-proxy").get();
    }

    @Test
    void ipvsWithoutStrictArpNeedsAChangeAndShowsTheDiff() {
        createKubeProxyConfigMap(KubeFixtures.resource("kubeproxy/kubeadm-ipvs-strictarp-false/config.conf"));
        CliRun run = run("check-strictarp");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).as(run.toString())
                .contains("ipvs.strictARP: disabled")
                .contains(KubeFixtures.resource("kubeproxy/kubeadm-ipvs-strictarp-false/expected.diff"));
    }

    @Test
    void dryRunChangesNothing() {
        String original = KubeFixtures.resource("kubeproxy/kubeadm-ipvs-strictarp-false/config.conf");
        createKubeProxyConfigMap(original);
        String before = live().getMetadata().getResourceVersion();
        CliRun run = run("check-strictarp", "--fix", "--dry-run");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.out()).contains("dry run");
        assertThat(live().getMetadata().getResourceVersion()).isEqualTo(before);
        assertThat(live().getData().get("config.conf")).isEqualTo(original);
    }

    @Test
    void fixChangesOnlyStrictArpKeepsABackupAndRevertRestoresIt() {
        String original = KubeFixtures.resource("kubeproxy/crlf-commented-ipvs/config.conf");
        createKubeProxyConfigMap(original);

        CliRun fix = run("check-strictarp", "--fix", "--no-restart");
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        ConfigMap patched = live();
        assertThat(patched.getData().get("config.conf"))
                .isEqualTo(KubeFixtures.resource("kubeproxy/crlf-commented-ipvs/expected.conf"));
        assertThat(patched.getData().get("kubeconfig.conf")).isEqualTo(KUBECONFIG_CONF);
        assertThat(patched.getMetadata().getAnnotations()).containsEntry(KubeProxyStrictArp.BACKUP_ANNOTATION, original);

        CliRun again = run("check-strictarp", "-o", "json");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("\"status\": \"ok\"", "\"strictARP\": \"enabled\"");

        CliRun revert = run("check-strictarp", "--revert", "--no-restart");
        assertThat(revert.exitCode()).as(revert.toString()).isZero();
        assertThat(live().getData().get("config.conf")).isEqualTo(original);
        assertThat(live().getMetadata().getAnnotations()).doesNotContainKey(KubeProxyStrictArp.BACKUP_ANNOTATION);
    }

    @Test
    void fixWithoutAKubeProxyDaemonSetWarnsButSucceeds() {
        createKubeProxyConfigMap(KubeFixtures.resource("kubeproxy/ipvs-without-strictarp/config.conf"));
        CliRun fix = run("check-strictarp", "--fix");
        assertThat(fix.exitCode()).as(fix.toString()).isZero();
        assertThat(fix.err()).contains("warning: there is no DaemonSet kube-system/kube-proxy");
    }

    @Test
    void iptablesAndMissingConfigMapNeedNothing() {
        CliRun missing = run("check-strictarp");
        assertThat(missing.exitCode()).as(missing.toString()).isZero();
        assertThat(missing.out()).contains("not needed", "no kube-system/kube-proxy ConfigMap");

        createKubeProxyConfigMap(KubeFixtures.resource("kubeproxy/iptables-default-mode/config.conf"));
        CliRun iptables = run("check-strictarp", "-o", "json");
        assertThat(iptables.exitCode()).as(iptables.toString()).isZero();
        assertThat(iptables.out()).contains("\"status\": \"not-needed\"");
    }

    @Test
    void revertWithoutABackupIsInvalidInput() {
        createKubeProxyConfigMap(KubeFixtures.resource("kubeproxy/ipvs-strictarp-true/config.conf"));
        CliRun revert = run("check-strictarp", "--revert", "--no-restart");
        assertThat(revert.exitCode()).as(revert.toString()).isEqualTo(3);
        assertThat(revert.err()).contains("has nothing to revert").doesNotContain("\tat ");
    }
}
