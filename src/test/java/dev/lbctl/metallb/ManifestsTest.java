package dev.lbctl.metallb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Over the real upstream manifests of every release in the catalog. */
class ManifestsTest {

    private static final ManifestSource SHARED = new LocalManifestDirectory(SharedMetalLb.directory());
    /** Kubernetes 1.25 and later. */
    private static final ServedApis WITHOUT_PSP = (apiVersion, kind) -> !kind.equals("PodSecurityPolicy");

    private static Manifests load(String tag) {
        return Manifests.load(ReleaseCatalog.find(tag), SHARED);
    }

    @ParameterizedTest(name = "{0}/{1}: {2} objects")
    @CsvSource({
        "v0.9.6,   metallb.yaml,        14",
        "v0.10.2,  metallb.yaml,        16",
        "v0.12.1,  metallb.yaml,        16",
        "v0.13.12, metallb-native.yaml, 24",
        "v0.14.9,  metallb-native.yaml, 24",
        "v0.15.3,  metallb-native.yaml, 26",
        "v0.16.1,  metallb-native.yaml, 26",
    })
    void countsTheObjectsMetallbMdGives(String tag, String file, int objects) {
        assertThat(Manifests.parse(file, SharedMetalLb.bytes(tag, file)).objects()).hasSize(objects);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v0.9.6", "v0.10.2", "v0.12.1"})
    void configMapReleasesAddTheNamespaceFileInFront(String tag) {
        List<ManifestObject> objects = load(tag).objects();

        assertThat(objects.get(0).describe()).isEqualTo("Namespace metallb-system");
        assertThat(objects).hasSize(1 + Manifests.parse("metallb.yaml", SharedMetalLb.bytes(tag, "metallb.yaml")).objects().size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v0.9.6", "v0.10.2", "v0.12.1", "v0.13.12", "v0.14.9", "v0.15.3", "v0.16.1"})
    void objectsComeInApplyPhaseOrder(String tag) {
        List<ApplyPhase> phases = load(tag).objects().stream().map(o -> ApplyPhase.of(o.kind())).toList();

        assertThat(phases).isSorted().doesNotContain(ApplyPhase.OTHER);
    }

    @Test
    void upstreamOrderIsKeptWithinAPhase() {
        // v0.9.6 lists the speaker DaemonSet before the controller Deployment, v0.16.1 the other way round.
        assertThat(workloads("v0.9.6")).containsExactly("DaemonSet metallb-system/speaker", "Deployment metallb-system/controller");
        assertThat(workloads("v0.16.1")).containsExactly("Deployment metallb-system/controller", "DaemonSet metallb-system/speaker");
        // v0.9.6 lists ClusterRoles before Roles: kept, since both are in the access phase.
        assertThat(load("v0.9.6").objects().subList(1, 7)).extracting(ManifestObject::describe).containsExactly(
                "PodSecurityPolicy metallb-system/controller", "PodSecurityPolicy metallb-system/speaker",
                "ServiceAccount metallb-system/controller", "ServiceAccount metallb-system/speaker",
                "ClusterRole metallb-system:controller", "ClusterRole metallb-system:speaker");
    }

    @Test
    void crdReleasesApplyNamespaceThenCrdsAndTheWebhookLast() {
        List<ManifestObject> objects = load("v0.16.1").objects();

        assertThat(objects.get(0).kind()).isEqualTo("Namespace");
        assertThat(objects.subList(1, 10)).extracting(ManifestObject::kind).containsOnly("CustomResourceDefinition");
        assertThat(objects.get(objects.size() - 1).describe())
                .isEqualTo("ValidatingWebhookConfiguration metallb-webhook-configuration");
    }

    @ParameterizedTest(name = "{0}: PodSecurityPolicy {1}")
    @CsvSource({
        "v0.9.6, true", "v0.10.2, true", "v0.12.1, true",
        "v0.13.12, false", "v0.14.9, false", "v0.15.3, false", "v0.16.1, false",
    })
    void onKubernetes125TheReleasesUpTo012LoseExactlyTheirTwoPodSecurityPolicies(String tag, boolean hasPsp) {
        Manifests manifests = load(tag);

        Manifests.ServedSplit split = manifests.splitByServed(WITHOUT_PSP);

        assertThat(split.skipped()).extracting(ManifestObject::describe).containsExactlyElementsOf(hasPsp
                ? List.of(pspName(tag, "controller"), pspName(tag, "speaker")) : List.of());
        assertThat(split.skipped()).allMatch(o -> o.apiVersion().equals("policy/v1beta1"));
        assertThat(split.served()).hasSize(manifests.objects().size() - split.skipped().size());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v0.9.6", "v0.10.2", "v0.12.1", "v0.13.12", "v0.14.9", "v0.15.3", "v0.16.1"})
    void theCatalogNamesMatchTheObjectsInTheManifests(String tag) {
        MetalLbRelease release = ReleaseCatalog.find(tag);
        List<String> objects = load(tag).objects().stream().map(ManifestObject::describe).toList();

        assertThat(objects).contains("Deployment metallb-system/" + release.controllerDeployment(),
                "DaemonSet metallb-system/" + release.speakerDaemonSet());
        release.webhook().ifPresent(webhook -> assertThat(objects).contains(
                "Service metallb-system/" + webhook.service(),
                "Secret metallb-system/" + webhook.certificateSecret(),
                "ValidatingWebhookConfiguration " + webhook.validatingWebhookConfiguration()));
    }

    /**
     * The controller creates the memberlist Secret when it is told its name (METALLB_ML_SECRET_NAME, v0.10+); only
     * where it is not does lbctl have to.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"v0.9.6", "v0.10.2", "v0.12.1", "v0.13.12", "v0.14.9", "v0.15.3", "v0.16.1"})
    void lbctlCreatesTheMemberlistSecretExactlyWhereTheControllerDoesNot(String tag) {
        MetalLbRelease release = ReleaseCatalog.find(tag);
        ManifestObject controller = load(tag).objects().stream()
                .filter(o -> o.describe().equals("Deployment metallb-system/controller")).findFirst().orElseThrow();

        boolean controllerCreatesIt = containerEnvNames(controller).contains("METALLB_ML_SECRET_NAME");

        assertThat(release.lbctlCreatesMemberlistSecret()).isEqualTo(!controllerCreatesIt);
    }

    @Test
    void aDocumentThatIsNotAKubernetesObjectIsRejectedWithItsNumber() {
        byte[] yaml = "apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\nkind: Service\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Manifests.parse("extra.yaml", yaml))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("extra.yaml: document 2 is not a Kubernetes object with apiVersion, kind and metadata.name.");
    }

    @Test
    void unknownKindsGoBeforeTheWorkloads() {
        byte[] yaml = ("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n---\n"
                + "apiVersion: example.io/v1\nkind: Widget\nmetadata: {name: w}\n").getBytes(StandardCharsets.UTF_8);

        assertThat(Manifests.parse("x.yaml", yaml).objects()).extracting(ManifestObject::kind).containsExactly("Widget", "Deployment");
    }

    private static List<String> workloads(String tag) {
        return load(tag).objects().stream()
                .filter(o -> ApplyPhase.of(o.kind()) == ApplyPhase.WORKLOADS).map(ManifestObject::describe).toList();
    }

    /** v0.9.6 and v0.10.2 carry a spurious namespace on their PSPs (metallb.md 1.1, 1.3). */
    private static String pspName(String tag, String name) {
        return "PodSecurityPolicy " + (tag.equals("v0.12.1") ? "" : "metallb-system/") + name;
    }

    @SuppressWarnings("unchecked")
    private static List<String> containerEnvNames(ManifestObject deployment) {
        Map<String, Object> spec = (Map<String, Object>) deployment.document().get("spec");
        Map<String, Object> podSpec = (Map<String, Object>) ((Map<String, Object>) spec.get("template")).get("spec");
        return ((List<Map<String, Object>>) podSpec.get("containers")).stream()
                .flatMap(c -> ((List<Map<String, Object>>) Objects.requireNonNullElse(c.get("env"), List.of())).stream())
                .map(env -> (String) env.get("name"))
                .toList();
    }
}
