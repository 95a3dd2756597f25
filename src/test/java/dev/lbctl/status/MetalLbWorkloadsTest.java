package dev.lbctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class MetalLbWorkloadsTest {

    private static Map<String, Object> object(String yaml) {
        return new Yaml().load(yaml);
    }

    /** The Helm chart: release-prefixed names, app.kubernetes.io labels, its own memberlist Secret name. */
    private static final String HELM_CONTROLLER = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: metallb-controller
              namespace: networking
              labels: {app.kubernetes.io/name: metallb, app.kubernetes.io/instance: metallb, app.kubernetes.io/component: controller}
            spec:
              template:
                spec:
                  containers:
                    - name: controller
                      image: quay.io/metallb/controller:v0.14.9
                      args: [--port=7472, --log-level=info, --tls-min-version=VersionTLS12, --lb-class, metallb]
                      env:
                        - {name: METALLB_ML_SECRET_NAME, value: metallb-memberlist}
            status: {readyReplicas: 1}
            """;

    @Test
    void recognizesTheManifestsAndTheHelmChartByLabels() {
        assertThat(MetalLbWorkloads.isComponent(object(StatusFixtures.controller("metallb-system", "controller",
                "quay.io/metallb/controller:v0.16.1", 1)), "controller")).isTrue();
        assertThat(MetalLbWorkloads.isComponent(object(HELM_CONTROLLER), "controller")).isTrue();
        assertThat(MetalLbWorkloads.isComponent(object(HELM_CONTROLLER), "speaker")).isFalse();
    }

    @Test
    void aDeploymentNamedControllerCountsOnlyWithAMetalLbImage() {
        String unlabelled = """
                kind: Deployment
                metadata: {name: controller, namespace: lb}
                spec: {template: {spec: {containers: [{name: c, image: %s}]}}}
                """;
        assertThat(MetalLbWorkloads.isComponent(object(unlabelled.formatted("quay.io/metallb/controller:v0.13.12")), "controller")).isTrue();
        assertThat(MetalLbWorkloads.isComponent(object(unlabelled.formatted("ghcr.io/acme/controller:1.0")), "controller")).isFalse();
    }

    @Test
    void prefersTheControllerInMetallbSystemThenTheFirstByNamespace() {
        Map<String, Object> helm = object(HELM_CONTROLLER);
        Map<String, Object> upstream = object(StatusFixtures.controller("metallb-system", "controller",
                "quay.io/metallb/controller:v0.16.1", 1));
        Map<String, Object> other = object(StatusFixtures.controller("a-first", "controller", "quay.io/metallb/controller:v0.16.1", 1));

        assertThat(MetalLbWorkloads.pickController(List.of(helm, other, upstream), "metallb-system")).containsSame(upstream);
        assertThat(MetalLbWorkloads.pickController(List.of(helm, other), "metallb-system")).containsSame(other);
        assertThat(MetalLbWorkloads.pickController(List.of(), "metallb-system")).isEmpty();
    }

    @Test
    void readsGoFlagsInEitherFormAndEnvironment() {
        Map<String, Object> helm = object(HELM_CONTROLLER);

        assertThat(MetalLbWorkloads.flag(helm, "controller", "lb-class")).contains("metallb");
        assertThat(MetalLbWorkloads.flag(helm, "controller", "port")).contains("7472");
        assertThat(MetalLbWorkloads.flag(helm, "controller", "config")).isEmpty();
        assertThat(MetalLbWorkloads.env(helm, "controller", "METALLB_ML_SECRET_NAME")).contains("metallb-memberlist");
        Map<String, Object> legacy = object(StatusFixtures.controller("metallb-system", "controller",
                "quay.io/metallb/controller:v0.12.1", 1, "--port=7472", "-config=metallb"));
        assertThat(MetalLbWorkloads.flag(legacy, "controller", "config")).contains("metallb");
    }

    @Test
    void readinessIsReadyOfDesiredAndZeroDesiredIsNotReady() {
        WorkloadStatus controller = MetalLbWorkloads.deploymentStatus(object(HELM_CONTROLLER));
        assertThat(controller).isEqualTo(new WorkloadStatus("Deployment", "metallb-controller",
                "quay.io/metallb/controller:v0.14.9", 1, 1));
        assertThat(controller.isReady()).isTrue();

        WorkloadStatus starting = MetalLbWorkloads.daemonSetStatus(object(StatusFixtures.speaker("metallb-system",
                "quay.io/metallb/speaker:v0.16.1", 1, 3)));
        assertThat(starting.ready()).isEqualTo(1);
        assertThat(starting.desired()).isEqualTo(3);
        assertThat(starting.isReady()).isFalse();
        assertThat(new WorkloadStatus("DaemonSet", "speaker", "", 0, 0).isReady()).isFalse();
    }
}
