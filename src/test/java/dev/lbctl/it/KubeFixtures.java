package dev.lbctl.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A test's own client to the test control plane, for setting up and inspecting what lbctl did. */
public final class KubeFixtures {

    private static final String METALLB_NS = "metallb-system";

    private KubeFixtures() {
    }

    public static KubernetesClient client(Path kubeconfig) {
        return new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(null, kubeconfig.toFile()))
                .withHttpClientFactory(new JdkHttpClientFactory())
                .build();
    }

    /**
     * Deletes a namespace on a control plane without the namespace controller (the api tier): deletes it, then clears
     * its finalizer through the finalize subresource, which is what the controller would do once it is empty.
     */
    public static void deleteNamespaceWithoutController(KubernetesClient kube, String name) {
        if (kube.namespaces().withName(name).get() == null) {
            return;
        }
        kube.namespaces().withName(name).delete();
        kube.raw(kube.getMasterUrl() + "api/v1/namespaces/" + name + "/finalize", "PUT",
                java.util.Map.of("apiVersion", "v1", "kind", "Namespace", "metadata", java.util.Map.of("name", name),
                        "spec", java.util.Map.of("finalizers", java.util.List.of())));
        kube.namespaces().withName(name).waitUntilCondition(n -> n == null, 30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /**
     * Removes every trace of MetalLB by hand, whoever installed it, so the next test class starts from a cluster without
     * one: what a person would do with kubectl after an uninstall that kept objects of theirs.
     */
    public static void removeMetalLb(KubernetesClient kube) {
        kube.admissionRegistration().v1().validatingWebhookConfigurations().withName("metallb-webhook-configuration").delete();
        kube.rbac().clusterRoles().list().getItems().stream().filter(r -> r.getMetadata().getName().startsWith("metallb-system:"))
                .forEach(r -> kube.rbac().clusterRoles().resource(r).delete());
        kube.rbac().clusterRoleBindings().list().getItems().stream().filter(r -> r.getMetadata().getName().startsWith("metallb-system:"))
                .forEach(r -> kube.rbac().clusterRoleBindings().resource(r).delete());
        var crds = kube.apiextensions().v1().customResourceDefinitions().list().getItems().stream()
                .filter(c -> c.getSpec().getGroup().equals("metallb.io")).toList();
        crds.forEach(c -> kube.apiextensions().v1().customResourceDefinitions().resource(c).delete());
        kube.namespaces().withName("metallb-system").delete();
        kube.namespaces().withName("metallb-system").waitUntilCondition(n -> n == null, 2, java.util.concurrent.TimeUnit.MINUTES);
        for (var crd : crds) {
            var live = kube.apiextensions().v1().customResourceDefinitions().withName(crd.getMetadata().getName());
            try {
                live.waitUntilCondition(c -> c == null, 20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (io.fabric8.kubernetes.client.KubernetesClientTimeoutException e) {
                // kube-apiserver can leave a CRD Terminating while its storage re-initializes; its finalizer then never clears.
                live.edit(c -> {
                    c.getMetadata().setFinalizers(java.util.List.of());
                    return c;
                });
                live.waitUntilCondition(c -> c == null, 30, java.util.concurrent.TimeUnit.SECONDS);
            }
        }
    }

    /** MetalLB's namespaced kind {@code metallb.io/v1beta1 KIND} (plural: the lower-case kind plus s). */
    public static ResourceDefinitionContext metallb(String kind) {
        return new ResourceDefinitionContext.Builder().withGroup("metallb.io").withVersion("v1beta1").withKind(kind)
                .withPlural(kind.toLowerCase(java.util.Locale.ROOT) + "s").withNamespaced(true).build();
    }

    /** Creates a MetalLB resource in metallb-system as a user would (not lbctl). */
    public static GenericKubernetesResource createMetalLb(KubernetesClient kube, String kind, String name, Map<String, Object> spec) {
        return kube.genericKubernetesResources(metallb(kind)).inNamespace(METALLB_NS).resource(new GenericKubernetesResourceBuilder()
                .withApiVersion("metallb.io/v1beta1").withKind(kind)
                .withNewMetadata().withName(name).withNamespace(METALLB_NS).endMetadata()
                .addToAdditionalProperties("spec", spec).build()).create();
    }

    /** A MetalLB resource in metallb-system, or null. */
    public static GenericKubernetesResource metallbObject(KubernetesClient kube, String kind, String name) {
        return kube.genericKubernetesResources(metallb(kind)).inNamespace(METALLB_NS).withName(name).get();
    }

    /**
     * What of a MetalLB object is the user's: MetalLB's controller writes the pools' status (so the resourceVersion moves),
     * but the spec's generation, labels, annotations and the writers of everything but status stay exactly as the user
     * left them unless someone else wrote them.
     */
    public static String userView(GenericKubernetesResource r) {
        if (r == null) {
            return null;
        }
        var managers = r.getMetadata().getManagedFields().stream().filter(f -> f.getSubresource() == null)
                .map(f -> f.getManager() + " " + f.getOperation()).sorted().toList();
        return r.getMetadata().getGeneration() + " " + r.getMetadata().getLabels() + " " + r.getMetadata().getAnnotations()
                + " " + r.getAdditionalProperties().get("spec") + " " + managers;
    }

    /**
     * A ConfigMap release installed the way its documentation says (kubectl apply of namespace.yaml and metallb.yaml,
     * less the PodSecurityPolicy that Kubernetes 1.25+ no longer serves), with the user's own ConfigMap config.
     */
    public static void installLegacyByHand(KubernetesClient kube, String tag, String configText) {
        Path release = TestEnv.shared().resolve("metallb/" + tag);
        for (String file : java.util.List.of("namespace.yaml", "metallb.yaml")) {
            try (var in = Files.newInputStream(release.resolve(file))) {
                kube.load(in).items().stream().filter(o -> !o.getKind().equals("PodSecurityPolicy"))
                        .forEach(o -> kube.resource(o).create());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        kube.configMaps().inNamespace(METALLB_NS).resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata().withName("config").endMetadata().addToData("config", configText).build()).create();
    }

    public static String resource(String path) {
        try {
            return Files.readString(Path.of("src/test/resources").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
