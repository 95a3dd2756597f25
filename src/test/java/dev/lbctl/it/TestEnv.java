package dev.lbctl.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real control plane of scripts/testenv, brought up once per tier for the whole test run. Building it the first
 * time takes long (the build's progress goes to this JVM's stderr). A control plane that cannot start fails the test
 * that needs it: it is never a skip, on CI or anywhere else.
 */
public final class TestEnv {

    public enum Tier { api, workloads, metallb }

    /**
     * The dataplane tier: a cluster of its own (scripts/testenv keeps its state in {@code <state>/dataplane}) whose
     * KWOK nodes are network namespaces on a LAN, each running MetalLB's real speaker, kube-proxy and the pod
     * stand-ins. Its kubeconfig names kube-apiserver's LAN address, reachable from this machine and from inside
     * {@code clientNetns}, the namespace of a client on the LAN. {@code router} is the BGP router on the LAN.
     */
    public record DataPlane(Path kubeconfig, String clientNetns, Router router) {

        /** The network namespace of a dataplane node. */
        public String nodeNetns(String node) {
            return single(testenv("node-netns", node));
        }
    }

    /**
     * The dataplane tier's router: GoBGP in its own namespace on the LAN, passive, with each node's address as a
     * neighbour; {@code scripts/testenv gobgp ARGS...} runs its CLI.
     */
    public record Router(String netns, String address, long asn) {

        /** {@code gobgp ARGS...} against the router; its stdout lines. */
        public List<String> gobgp(String... args) {
            List<String> command = new ArrayList<>(List.of("gobgp"));
            command.addAll(List.of(args));
            return testenv(command.toArray(String[]::new));
        }
    }

    private static final Path REPO = Path.of("").toAbsolutePath();
    private static final Object LOCK = new Object();
    private static Tier running;
    private static Path kubeconfig;
    private static DataPlane dataPlane;

    private TestEnv() {
    }

    /** Ensures at least {@code tier} runs and returns its kubeconfig. */
    public static Path up(Tier tier) {
        synchronized (LOCK) {
            if (running != null && running.compareTo(tier) >= 0) {
                return kubeconfig;
            }
            List<String> stdout = run(List.of(script().toString(), "up", tier.name()), 75);
            String last = stdout.isEmpty() ? "" : stdout.get(stdout.size() - 1);
            if (!last.startsWith("KUBECONFIG=")) {
                throw new IllegalStateException("scripts/testenv up " + tier + " did not end with KUBECONFIG=<path>; stdout: " + stdout);
            }
            kubeconfig = Path.of(last.substring("KUBECONFIG=".length()));
            running = tier;
            return kubeconfig;
        }
    }

    /** Ensures the dataplane tier runs (a separate cluster, see {@link DataPlane}); fails when it cannot start. */
    public static DataPlane dataPlane() {
        synchronized (LOCK) {
            if (dataPlane != null) {
                return dataPlane;
            }
            List<String> stdout = run(List.of(script().toString(), "up", "dataplane"), 75);
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (String line : stdout) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).matches("[A-Z_]+")) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            List<String> keys = List.of("KUBECONFIG", "CLIENT_NETNS", "ROUTER_NETNS", "ROUTER_ADDRESS", "ROUTER_ASN");
            if (!values.keySet().containsAll(keys)) {
                throw new IllegalStateException("scripts/testenv up dataplane did not print " + String.join("=, ", keys)
                        + "=; stdout: " + stdout);
            }
            dataPlane = new DataPlane(Path.of(values.get("KUBECONFIG")), values.get("CLIENT_NETNS"), new Router(
                    values.get("ROUTER_NETNS"), values.get("ROUTER_ADDRESS"), Long.parseLong(values.get("ROUTER_ASN"))));
            return dataPlane;
        }
    }

    private static String single(List<String> lines) {
        if (lines.size() != 1) {
            throw new IllegalStateException("expected one line from scripts/testenv, got " + lines);
        }
        return lines.get(0);
    }

    /** The repository's ../shared folder with MetalLB's upstream manifests (test data). */
    public static Path shared() {
        return dev.lbctl.SharedTestData.shared();
    }

    /** The folder of MetalLB's release manifests in the shared test data, for {@code --manifests}. */
    public static String manifests() {
        return shared().resolve("metallb").toString();
    }

    /** Runs {@code scripts/testenv ARGS...} and returns its stdout lines; fails on a non-zero exit. */
    public static List<String> testenv(String... args) {
        List<String> command = new ArrayList<>();
        command.add(script().toString());
        command.addAll(List.of(args));
        return run(command, 10);
    }

    private static Path script() {
        Path script = REPO.resolve("scripts/testenv");
        if (!Files.isExecutable(script)) {
            throw new IllegalStateException("scripts/testenv not found or not executable at " + script);
        }
        return script;
    }

    private static List<String> run(List<String> command, int timeoutMinutes) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("LBCTL_SHARED", shared().toString());
        List<String> lines = new ArrayList<>();
        try {
            Process p = pb.start();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            }
            if (!p.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in " + timeoutMinutes + " minutes");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed with exit " + p.exitValue() + "; stdout: " + lines);
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
