package dev.lbctl.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
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
     * {@code clientNetns}, the namespace of a client on the LAN. {@code router} is the BGP router on the LAN; the
     * client reaches the addresses of {@code routedPrefix} through it (the router's kernel routes follow its RIB).
     * {@code ibgpRouterAddress} is a second GoBGP in the same namespace, in the nodes' ASN (an iBGP peer, which
     * {@code scripts/testenv gobgp --ibgp} reaches).
     */
    public record DataPlane(Path kubeconfig, String clientNetns, Router router, String routedPrefix, String ibgpRouterAddress) {

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
            List<String> stdout = upWithOneRetry(tier.name(), "loopback");
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
            List<String> stdout = upWithOneRetry("dataplane", "dataplane");
            java.util.Map<String, String> values = new java.util.HashMap<>();
            for (String line : stdout) {
                int eq = line.indexOf('=');
                if (eq > 0 && line.substring(0, eq).matches("[A-Z_]+")) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            List<String> keys = List.of("KUBECONFIG", "CLIENT_NETNS", "ROUTER_NETNS", "ROUTER_ADDRESS", "ROUTER_ASN",
                    "ROUTED_PREFIX", "IBGP_ROUTER_ADDRESS");
            if (!values.keySet().containsAll(keys)) {
                throw new IllegalStateException("scripts/testenv up dataplane did not print " + String.join("=, ", keys)
                        + "=; stdout: " + stdout);
            }
            dataPlane = new DataPlane(Path.of(values.get("KUBECONFIG")), values.get("CLIENT_NETNS"), new Router(
                    values.get("ROUTER_NETNS"), values.get("ROUTER_ADDRESS"), Long.parseLong(values.get("ROUTER_ASN"))),
                    values.get("ROUTED_PREFIX"), values.get("IBGP_ROUTER_ADDRESS"));
            return dataPlane;
        }
    }

    /**
     * {@code scripts/testenv up TIER}, and once more after {@code down CLUSTER} when it fails. A start that fails only
     * under load (a component losing a race for a port, a slow first answer) should not fail the whole run; the first
     * failure and the end of its log are printed, so a start that keeps failing is still seen and still fails.
     */
    private static List<String> upWithOneRetry(String tier, String cluster) {
        List<String> up = List.of(script().toString(), "up", tier);
        try {
            return run(up, 75);
        } catch (IllegalStateException first) {
            System.err.println("[TestEnv] " + first.getMessage() + "\n[TestEnv] stopping the " + cluster
                    + " cluster and starting it once more");
            run(List.of(script().toString(), "down", cluster), 10);
            return run(up, 75);
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

    /**
     * Runs COMMAND and returns its stdout lines. Its stderr is copied to this JVM's stderr as it comes (a cold build
     * reports progress for minutes) and its last lines are kept, so that a failure says why in the test report.
     */
    private static List<String> run(List<String> command, int timeoutMinutes) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(REPO.toFile());
        pb.environment().put("LBCTL_SHARED", shared().toString());
        List<String> lines = new ArrayList<>();
        ArrayDeque<String> stderrTail = new ArrayDeque<>();
        try {
            Process p = pb.start();
            Thread stderrCopier = new Thread(() -> copyKeepingTail(p.getErrorStream(), stderrTail), "testenv-stderr");
            stderrCopier.start();
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
            stderrCopier.join(30_000); // bounded: a daemon that kept the pipe open must not hang the run
            if (p.exitValue() != 0) {
                synchronized (stderrTail) {
                    throw new IllegalStateException(String.join(" ", command) + " failed with exit " + p.exitValue()
                            + "; stdout: " + lines + "; end of stderr:\n" + String.join("\n", stderrTail));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }

    private static void copyKeepingTail(InputStream stderr, ArrayDeque<String> tail) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                System.err.println(line);
                synchronized (tail) {
                    if (tail.size() == 40) {
                        tail.removeFirst();
                    }
                    tail.addLast(line);
                }
            }
        } catch (IOException e) {
            System.err.println("[TestEnv] lost the rest of scripts/testenv's stderr: " + e.getMessage());
        }
    }
}
