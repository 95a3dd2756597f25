package dev.lbctl.it;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the dataplane ITs (DataPlaneIT, DoctorIT, BgpIT) set up, ask of the cluster and the LAN, and how they wait for it. */
final class DataPlaneProbes {

    static final String METALLB_NS = "metallb-system";
    private static final Pattern ARPING_MAC = Pattern.compile("\\[([0-9A-Fa-f:]{17})\\]");

    private DataPlaneProbes() {
    }

    /** Polls every 250 ms until the probe gives a value; an AssertionError naming {@code what} after the timeout. */
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

    /** The node in the Service's ServiceL2Status. */
    @SuppressWarnings("unchecked")
    static Optional<String> l2Node(KubernetesClient kube, String ns, String service) {
        for (GenericKubernetesResource s : kube.genericKubernetesResources("metallb.io/v1beta1", "ServiceL2Status")
                .inNamespace(METALLB_NS).list().getItems()) {
            Map<String, Object> status = (Map<String, Object>) s.getAdditionalProperties().get("status");
            if (status != null && ns.equals(status.get("serviceNamespace")) && service.equals(status.get("serviceName"))
                    && status.get("node") != null) {
                return Optional.of(String.valueOf(status.get("node")));
            }
        }
        return Optional.empty();
    }

    /** A MetalLB object in MetalLB's namespace, in its kind's newest version. */
    static GenericKubernetesResource metallbResource(String kind, String name, Map<String, Object> spec) {
        GenericKubernetesResource r = new GenericKubernetesResource();
        // BGPPeer's newest version is v1beta2 (v0.13.x on); every other kind lbctl's tests create is v1beta1.
        r.setApiVersion("BGPPeer".equals(kind) ? "metallb.io/v1beta2" : "metallb.io/v1beta1");
        r.setKind(kind);
        r.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(METALLB_NS).build());
        r.setAdditionalProperty("spec", spec);
        return r;
    }

    /** The distinct MACs in arping's output, lower case, in order of first answer. */
    static List<String> arpingMacs(String arpingOutput) {
        List<String> macs = new ArrayList<>();
        Matcher m = ARPING_MAC.matcher(arpingOutput);
        while (m.find()) {
            String mac = m.group(1).toLowerCase(java.util.Locale.ROOT);
            if (!macs.contains(mac)) {
                macs.add(mac);
            }
        }
        return macs;
    }

    /** lbctl as a process inside network namespace {@code netns} (the same classes as the calling test). */
    static Exec lbctlIn(String netns, java.nio.file.Path kubeconfig, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", netns,
                ProcessHandle.current().info().command().orElse("java"), "-cp", System.getProperty("java.class.path"),
                "dev.lbctl.Main", "--kubeconfig", kubeconfig.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, Duration.ofMinutes(5));
    }

    /** A finished process: its command, exit code, stdout and stderr. */
    record Exec(List<String> cmd, int exit, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", cmd) + "\n--- exit " + exit + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /** Runs {@code cmd} to its end (its output through temporary files, removed afterwards). */
    static Exec exec(List<String> cmd, Duration timeout) {
        java.nio.file.Path out = null;
        java.nio.file.Path err = null;
        try {
            out = java.nio.file.Files.createTempFile("lbctl-it-out", ".txt");
            err = java.nio.file.Files.createTempFile("lbctl-it-err", ".txt");
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in " + timeout);
            }
            return new Exec(cmd, p.exitValue(), java.nio.file.Files.readString(out), java.nio.file.Files.readString(err));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot run " + cmd + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + cmd, e);
        } finally {
            for (java.nio.file.Path f : new java.nio.file.Path[] {out, err}) {
                if (f != null) {
                    f.toFile().delete();
                }
            }
        }
    }
}
