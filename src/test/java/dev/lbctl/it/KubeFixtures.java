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

    public static String resource(String path) {
        try {
            return Files.readString(Path.of("src/test/resources").resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
