package dev.lbctl.it;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A test's own client to the test control plane, for setting up and inspecting what lbctl did. */
public final class KubeFixtures {

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

    public static String resource(String path) {
        try {
            return Files.readString(Path.of("src/test/resources").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
