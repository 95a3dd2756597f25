package dev.lbctl.it;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** What the dataplane tier's tests share: nginx behind a LoadBalancer Service, and polling until a condition holds. */
final class DataPlaneFixtures {

    private DataPlaneFixtures() {
    }

    /** Deploys nginx (pod stand-ins) behind a LoadBalancer Service in a fresh namespace; returns its external IP. */
    static String deployWeb(KubernetesClient kube, String ns, int replicas, String policy, Optional<String> node,
                            Map<String, String> annotations) {
        if (kube.namespaces().withName(ns).get() != null) {
            kube.namespaces().withName(ns).delete();
            await("namespace " + ns + " to go", Duration.ofSeconds(120),
                    () -> kube.namespaces().withName(ns).get() == null ? Optional.of(true) : Optional.empty());
        }
        kube.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(ns).endMetadata().build()).create();
        await("ServiceAccount default in " + ns, Duration.ofSeconds(30),
                () -> Optional.ofNullable(kube.serviceAccounts().inNamespace(ns).withName("default").get()));
        var pod = new DeploymentBuilder().withNewMetadata().withName("web").withNamespace(ns).endMetadata()
                .withNewSpec().withReplicas(replicas).withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").addNewPort().withContainerPort(80)
                .endPort().endContainer();
        node.ifPresent(n -> pod.withNodeSelector(Map.of("kubernetes.io/hostname", n)));
        kube.apps().deployments().inNamespace(ns).resource(pod.endSpec().endTemplate().endSpec().build()).create();
        kube.services().inNamespace(ns).resource(new ServiceBuilder().withNewMetadata().withName("web").withNamespace(ns)
                .withAnnotations(annotations).endMetadata().withNewSpec().withType("LoadBalancer")
                .withExternalTrafficPolicy(policy).addToSelector("app", "web").addNewPort().withPort(80)
                .withNewTargetPort(80).endPort().endSpec().build()).create();
        String ip = await("an external IP for " + ns + "/web", Duration.ofSeconds(90), () -> Optional.ofNullable(
                kube.services().inNamespace(ns).withName("web").get()).map(s -> s.getStatus().getLoadBalancer().getIngress())
                .filter(l -> !l.isEmpty()).map(l -> l.get(0).getIp()));
        await("ready pods of " + ns + "/web", Duration.ofSeconds(90), () -> {
            var d = kube.apps().deployments().inNamespace(ns).withName("web").get();
            Integer ready = d.getStatus() == null ? null : d.getStatus().getReadyReplicas();
            return ready != null && ready == replicas ? Optional.of(true) : Optional.empty();
        });
        return ip;
    }

    /** Polls {@code probe} every 250 ms until it gives a value; an AssertionError naming {@code what} after {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<Optional<T>> probe) {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            Optional<T> v = probe.get();
            if (v.isPresent()) {
                return v.get();
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
