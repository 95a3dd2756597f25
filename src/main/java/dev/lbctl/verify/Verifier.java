package dev.lbctl.verify;

import dev.lbctl.allocator.Allocation;
import dev.lbctl.allocator.Simulation;
import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterTimeoutException;
import dev.lbctl.cluster.Fields;
import dev.lbctl.cluster.Rollouts;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.PoolSpec;
import dev.lbctl.i18n.Messages;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Yaml;
import dev.lbctl.services.ServiceInventory;
import dev.lbctl.services.ServiceManifests;
import dev.lbctl.services.ServiceRequest;
import dev.lbctl.status.BgpAnnouncement;
import dev.lbctl.status.MetalLbConfiguration;
import dev.lbctl.status.MetalLbStatus;
import dev.lbctl.status.ServiceEvents;
import dev.lbctl.status.StatusReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The article's end-to-end test as checks: predict offline what MetalLB will do (and stop before creating anything
 * when it would leave the Service pending), deploy nginx behind a LoadBalancer Service, wait by watch for ready pods
 * and the external IP, check the IP and MetalLB's events, then fetch the page. What verify created is deleted at the
 * end, also on failure, unless {@code keep}.
 */
public final class Verifier {

    /** How long cleanup waits for what it deleted to be gone (the Service first, so its IP is free again). */
    private static final Duration CLEANUP_WAIT = Duration.ofSeconds(60);

    private final Cluster cluster;
    private final CheckListener listener;
    /** What this verify created, in creation order; cleanup deletes exactly these, Service first. */
    private final List<Map<String, Object>> created = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Told of each check as it ends, so progress can be printed while verify runs. */
    @FunctionalInterface
    public interface CheckListener {
        void checked(CheckResult result);
    }

    public Verifier(Cluster cluster, CheckListener listener) {
        this.cluster = cluster;
        this.listener = listener;
    }

    /** Runs the checks until one fails; the report lists those that ran. */
    public VerifyReport run(VerifyOptions o) {
        Run run = new Run(o);
        try {
            run.verify();
        } catch (CheckFailed stop) {
            // the failed check is in the report already
        }
        return run.report();
    }

    /**
     * Deletes what this verify created and nothing else (a namespace it did not create stays), the Service first so
     * its IP is free when verify returns, and waits, bounded, until each is gone. Safe to call twice, and from a
     * shutdown hook on Ctrl-C. Returns what it deleted, e.g. {@code Service ns/nginx}.
     */
    public List<String> cleanUp() {
        List<Map<String, Object>> toDelete = new ArrayList<>(created);
        java.util.Collections.reverse(toDelete);
        created.clear();
        List<String> deleted = new ArrayList<>();
        Instant until = Instant.now().plus(CLEANUP_WAIT);
        for (Map<String, Object> object : toDelete) {
            String apiVersion = String.valueOf(object.get("apiVersion"));
            String kind = String.valueOf(object.get("kind"));
            String namespace = kind.equals("Namespace") ? null : Fields.namespace(object);
            String name = Fields.name(object);
            if (cluster.delete(apiVersion, kind, namespace, name)) {
                deleted.add(kind + " " + (namespace == null ? name : namespace + "/" + name));
            }
            Duration left = Duration.between(Instant.now(), until);
            cluster.await(apiVersion, kind, namespace, name, Optional::isEmpty, Messages.get("await.deleted", kind + " " + name),
                    left.isNegative() ? Duration.ZERO : left);
        }
        return deleted;
    }

    private void create(Map<String, Object> object) {
        cluster.create(object);
        created.add(object);
    }

    private static final class CheckFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CheckFailed() {
            super(null, null, false, false);
        }
    }

    private final class Run {
        private final VerifyOptions o;
        private final Instant deadline;
        private final List<CheckResult> checks = new ArrayList<>();
        private Optional<String> ip = Optional.empty();
        private Optional<String> pool = Optional.empty();
        private Map<String, Object> liveService;

        Run(VerifyOptions o) {
            this.o = o;
            this.deadline = Instant.now().plus(o.timeout());
        }

        void verify() {
            MetalLbStatus metallb = check("MetalLB is installed", () -> {
                MetalLbStatus found = new StatusReader(cluster).detect();
                if (!found.installed()) {
                    return fail(Messages.get("verify.msg.notInstalled"));
                }
                return pass(found, Messages.get("verify.msg.installed",
                        found.version().map(Object::toString).orElse(Messages.get("verify.msg.unknownRelease")), found.namespace()));
            });
            MetalLbVersion version = metallb.version().orElse(MetalLbVersion.LATEST);
            MetalLbConfig config = MetalLbConfiguration.read(cluster, metallb).parse();
            List<AddressPool> pools = config.pools(version);
            Allocation predicted = check("MetalLB can assign an address", () -> predict(config, pools, version));
            pool = Optional.ofNullable(predicted.pool());
            check("the pool is announced", () -> announced(config, predicted.pool()));

            boolean namespaceExists = check("verify's objects can be created", this::namespaceIsFree);
            if (!namespaceExists) {
                create(VerifyObjects.namespace(o));
            }
            create(VerifyObjects.deployment(o));
            create(VerifyObjects.service(o, version));

            check("pods are ready", () -> {
                Map<String, Object> d = await("apps/v1", "Deployment", Messages.get("verify.await.pods"),
                        s -> s.map(Rollouts::deploymentRolledOut).orElse(false));
                return pass(d, Rollouts.describe(d));
            });
            check("the Service gets an external IP", this::awaitIngress);
            check("the IP is the expected one", () -> expected(pools));
            check("MetalLB reported the allocation", this::allocationEvent);
            if (o.mode() == VerifyOptions.Mode.bgp) {
                check("the speakers advertise the IP by BGP", () -> advertisedByBgp(metallb.namespace()));
            }
            if (o.http()) {
                check("HTTP GET returns " + (o.defaultImage() ? "the nginx welcome page" : "200"), () -> {
                    HttpProbe.Answer answer = HttpProbe.fetch(ip.orElseThrow(), o.port(), o.defaultImage(), deadline);
                    return answer.ok() ? pass(answer, Messages.get("verify.msg.httpOk", answer.detail(), answer.attempts()))
                            : fail(Messages.get("verify.msg.httpFailed", answer.detail(), answer.attempts()));
                });
            }
            // Who answered is read from this machine's neighbour table after the HTTP answer: Layer 2 only.
            if (o.mode() == VerifyOptions.Mode.l2 && o.http()) {
                check("the answering node is MetalLB's", () -> {
                    AnsweringNode.Verdict v = new AnsweringNodeProbe(cluster, NeighbourTable::read)
                            .judge(metallb.namespace(), o.namespace(), VerifyObjects.NAME, ip.orElseThrow(), deadline);
                    return v.passed() ? pass(v, v.message()) : fail(v.message());
                });
            }
        }

        /**
         * What the speakers say: a ServiceBGPStatus (v0.15+) naming a peer for the Service, or else a BGP nodeAssigned
         * event. Both mean the speaker handed the route to its session with the peer, established or not (MetalLB
         * writes them either way); neither says the router has it, and lbctl cannot see the router's table.
         */
        private Step<String> advertisedByBgp(String metallbNamespace) {
            boolean hasStatus = cluster.serves("metallb.io/v1beta1", "ServiceBGPStatus");
            String key = o.namespace() + "/" + VerifyObjects.NAME;
            while (true) {
                List<BgpAnnouncement> advertised = hasStatus ? BgpAnnouncement.byService(
                        cluster.list("metallb.io/v1beta1", "ServiceBGPStatus", metallbNamespace)).getOrDefault(key, List.of())
                        : List.of();
                java.util.SortedSet<String> eventNodes = ServiceEvents.bgpNodes(
                        cluster.events(o.namespace(), "Service", VerifyObjects.NAME));
                if (!advertised.isEmpty() || (!hasStatus && !eventNodes.isEmpty())) {
                    String seen = advertised.isEmpty() ? "nodeAssigned events (protocol bgp): " + String.join(", ", eventNodes)
                            : "ServiceBGPStatus: " + String.join("; ", advertised.stream()
                                    .map(a -> a.node() + " to " + String.join(", ", a.peers())).toList())
                            + (eventNodes.isEmpty() ? "" : "; nodeAssigned events (protocol bgp): " + String.join(", ", eventNodes));
                    return pass(seen, Messages.get("verify.bgp.advertised", ip.orElseThrow(), seen));
                }
                if (Instant.now().isAfter(deadline)) {
                    return fail(Messages.get(hasStatus ? "verify.bgp.notAdvertised.status" : "verify.bgp.notAdvertised.event",
                            ip.orElseThrow()));
                }
                pause(Duration.ofSeconds(1));
            }
        }

        /** verify uses a namespace it did not create, but never objects it did not create. */
        private Step<Boolean> namespaceIsFree() {
            for (String[] kind : new String[][] {{"apps/v1", "Deployment"}, {"v1", "Service"}}) {
                if (cluster.get(kind[0], kind[1], o.namespace(), VerifyObjects.NAME).isPresent()) {
                    return fail(Messages.get("verify.msg.foreignObject", kind[1], o.namespace() + "/" + VerifyObjects.NAME));
                }
            }
            boolean exists = cluster.get("v1", "Namespace", null, o.namespace()).isPresent();
            return pass(exists, Messages.get(exists ? "verify.msg.namespaceExists" : "verify.msg.namespaceCreated", o.namespace()));
        }

        private Step<Allocation> predict(MetalLbConfig config, List<AddressPool> pools, MetalLbVersion version) {
            if (pools.isEmpty()) {
                return fail(Messages.get("verify.msg.noPools"));
            }
            ServiceInventory existing = ClusterSnapshot.services(cluster);
            ServiceRequest probe = ServiceManifests.parse(Yaml.documents(List.of(VerifyObjects.service(o, version))),
                    "verify's Service").services().get(0);
            List<ServiceRequest> all = new ArrayList<>(existing.services());
            all.add(probe);
            Allocation mine = Simulation.run(pools, all, existing.namespaceLabels()).get(all.size() - 1);
            if (mine.status() != Allocation.Status.ASSIGNED) {
                return fail(Messages.get("verify.msg.wouldBePending", mine.reason(), describe(pools)));
            }
            return pass(mine, Messages.get(mine.deterministic() ? "verify.msg.shouldAssign" : "verify.msg.shouldAssign.random",
                    version, String.join(",", mine.ips()), mine.pool()));
        }

        private Step<Boolean> announced(MetalLbConfig config, String poolName) {
            Optional<PoolSpec> spec = config.poolSpecs().stream().filter(p -> p.name().equals(poolName)).findFirst();
            if (spec.isPresent() && !config.announces(spec.get())) {
                return fail(Messages.get("verify.msg.notAnnounced", poolName));
            }
            return pass(true, Messages.get("verify.msg.announced", poolName));
        }

        private Step<String> awaitIngress() {
            try {
                liveService = await("v1", "Service", Messages.get("verify.await.externalIp", o.namespace() + "/" + VerifyObjects.NAME),
                        s -> s.map(Verifier::ingressIps).filter(ips -> !ips.isEmpty()).isPresent());
            } catch (ClusterTimeoutException e) {
                Optional<String> failure = lastEvent("AllocationFailed");
                if (failure.isPresent()) {
                    return fail(Messages.get("verify.msg.notAssigned", failure.get()));
                }
                throw e;
            }
            List<String> ips = ingressIps(liveService);
            ip = Optional.of(ips.get(0));
            return pass(ips.get(0), "EXTERNAL-IP " + String.join(",", ips));
        }

        private Step<Boolean> expected(List<AddressPool> pools) {
            IpAddress address = IpAddress.parse(ip.orElseThrow()).orElseThrow();
            Optional<AddressPool> holder = pools.stream().filter(p -> p.contains(address)).findFirst();
            pool = holder.map(AddressPool::name);
            if (o.requestedIp().isPresent() && !o.requestedIp().get().equals(address.toString())) {
                return fail(Messages.get("verify.msg.otherIp", o.requestedIp().get(), address));
            }
            if (holder.isEmpty()) {
                return fail(Messages.get("verify.msg.inNoPool", address, describe(pools)));
            }
            if (o.poolName().isPresent() && !o.poolName().get().equals(holder.get().name())) {
                return fail(Messages.get("verify.msg.otherPool", address, holder.get().name(), o.poolName().get()));
            }
            return pass(true, Messages.get("verify.msg.inPool", address, holder.get().name()));
        }

        /** MetalLB's IPAllocated event; events are written a moment after the status, so look a few times. */
        private Step<String> allocationEvent() {
            for (int attempt = 0; attempt < 10; attempt++) {
                Optional<String> event = lastEvent("IPAllocated");
                if (event.isPresent()) {
                    return pass(event.get(), "event IPAllocated: " + event.get());
                }
                pause(Duration.ofMillis(500));
            }
            return fail(Messages.get("verify.msg.noEvent"));
        }

        private Optional<String> lastEvent(String reason) {
            List<Map<String, Object>> events = cluster.events(o.namespace(), "Service", VerifyObjects.NAME);
            Optional<String> found = Optional.empty();
            for (Map<String, Object> e : events) {
                if (reason.equals(e.get("reason"))) {
                    found = Optional.ofNullable(Fields.string(e, "message"));
                }
            }
            return found;
        }

        private Map<String, Object> await(String apiVersion, String kind, String what,
                                          java.util.function.Predicate<Optional<Map<String, Object>>> condition) {
            Duration left = Duration.between(Instant.now(), deadline);
            return cluster.await(apiVersion, kind, o.namespace(), VerifyObjects.NAME, condition, what,
                    left.isNegative() ? Duration.ZERO : left).orElseThrow();
        }

        /** Runs one check, records it, and stops the run when it failed. */
        private <T> T check(String name, Supplier<Step<T>> action) {
            Instant start = Instant.now();
            Step<T> step;
            try {
                step = action.get();
            } catch (ClusterTimeoutException e) {
                record(new CheckResult(name, CheckResult.Outcome.TIMED_OUT, Duration.between(start, Instant.now()), e.getMessage()));
                throw new CheckFailed();
            }
            CheckResult result = new CheckResult(name, step.passed ? CheckResult.Outcome.PASSED : CheckResult.Outcome.FAILED,
                    Duration.between(start, Instant.now()), step.message);
            record(result);
            if (!step.passed) {
                throw new CheckFailed();
            }
            return step.value;
        }

        private void record(CheckResult result) {
            checks.add(result);
            listener.checked(result);
        }

        VerifyReport report() {
            List<String> pods = new ArrayList<>();
            Optional<String> service = Optional.empty();
            if (liveService != null) {
                for (Map<String, Object> pod : cluster.list("v1", "Pod", o.namespace())) {
                    pods.add(ArticleView.pod(pod));
                }
                service = Optional.of(ArticleView.service(liveService));
            }
            return new VerifyReport(o.namespace(), ip, pool, checks, pods, service);
        }
    }

    private record Step<T>(boolean passed, T value, String message) {
    }

    private static <T> Step<T> pass(T value, String message) {
        return new Step<>(true, value, message);
    }

    private static <T> Step<T> fail(String message) {
        return new Step<>(false, null, message);
    }

    static List<String> ingressIps(Map<String, Object> service) {
        List<String> ips = new ArrayList<>();
        for (Object entry : Fields.list(Fields.map(Fields.map(service, "status"), "loadBalancer"), "ingress")) {
            if (entry instanceof Map<?, ?> m && m.get("ip") != null) {
                ips.add(String.valueOf(m.get("ip")));
            }
        }
        return ips;
    }

    private static String describe(List<AddressPool> pools) {
        if (pools.isEmpty()) {
            return "none";
        }
        return String.join("; ", pools.stream().map(p -> p.name() + " " + String.join(",", p.addresses())).toList());
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
