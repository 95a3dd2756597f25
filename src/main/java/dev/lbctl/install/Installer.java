package dev.lbctl.install;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterAccessException;
import dev.lbctl.cluster.ClusterTimeoutException;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.ConflictException;
import dev.lbctl.cluster.Fields;
import dev.lbctl.cluster.Rollouts;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.ManifestObject;
import dev.lbctl.metallb.MemberlistSecret;
import dev.lbctl.metallb.MetalLbRelease;
import dev.lbctl.metallb.PoolObjects;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.report.Progress;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster half of install: preflight, then the manifests by server-side apply in dependency order (waiting for
 * CRDs to be Established and, unless told not to, for the rollouts), then the pool configuration. Every apply is
 * declarative, so running install again with the same input changes nothing, and an interrupted install converges
 * when re-run.
 */
public final class Installer {

    /** Set on the MetalLB namespace so that uninstall and status know which release lbctl installed. */
    public static final String RELEASE_ANNOTATION = "lbctl.dev/metallb-release";

    private static final String METALLB_API = "metallb.io/v1beta1";
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(8);

    private final Cluster cluster;
    private final Progress progress;

    public Installer(Cluster cluster, Progress progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    /** What install did, for the summary on stdout. */
    public record Result(MetalLbRelease release, int applied, List<String> skipped, boolean configurationChanged) {
        public Result {
            skipped = List.copyOf(skipped);
        }
    }

    public Result install(InstallPlan plan, List<AddressPool> pools) {
        Instant deadline = Instant.now().plus(plan.timeout());
        new Preflight(cluster, progress).run(plan, pools);
        MetalLbRelease release = plan.release();

        Map<String, Boolean> served = new HashMap<>();
        List<ManifestObject> toApply = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ManifestObject object : plan.manifestObjects()) {
            boolean isServed = served.computeIfAbsent(object.apiVersion() + " " + object.kind(),
                    k -> cluster.serves(object.apiVersion(), object.kind()));
            if (isServed) {
                toApply.add(object);
            } else {
                skipped.add(object.describe());
                progress.warn("skipping " + object.describe() + ": this cluster no longer serves " + object.kind() + " "
                        + object.apiVersion());
            }
        }
        int applied = 0;
        for (List<ManifestObject> group : ApplyGroups.of(toApply)) {
            String title = "Applying " + ApplyGroups.describe(group);
            progress.step(title, () -> group.forEach(o -> cluster.apply(withReleaseAnnotation(o, release))));
            applied += group.size();
            if (group.get(0).kind().equals("Namespace") && release.lbctlCreatesMemberlistSecret()) {
                createMemberlistSecret(release);
            }
            if (group.get(0).kind().equals("CustomResourceDefinition")) {
                progress.step("Waiting for " + group.size() + " CRDs to be Established",
                        () -> group.forEach(crd -> awaitEstablished(crd.name(), deadline)));
            }
        }
        if (plan.waitForRollout()) {
            progress.step("Waiting for Deployment " + release.namespace() + "/" + release.controllerDeployment(),
                    () -> awaitRollout("Deployment", release.controllerDeployment(), deadline));
            progress.step("Waiting for DaemonSet " + release.namespace() + "/" + release.speakerDaemonSet(),
                    () -> awaitRollout("DaemonSet", release.speakerDaemonSet(), deadline));
        }
        boolean changed = release.version().usesConfigMap()
                ? writeConfigMap(plan, deadline)
                : applyResources(plan.configuration().resources(), deadline);
        return new Result(release, applied, skipped, changed);
    }

    private Map<String, Object> withReleaseAnnotation(ManifestObject object, MetalLbRelease release) {
        if (!object.kind().equals("Namespace")) {
            return object.document();
        }
        Map<String, Object> copy = new LinkedHashMap<>(object.document());
        Map<String, Object> metadata = new LinkedHashMap<>(Fields.map(copy, "metadata"));
        Map<String, Object> annotations = new LinkedHashMap<>(Fields.map(metadata, "annotations"));
        annotations.put(RELEASE_ANNOTATION, release.tag());
        metadata.put("annotations", annotations);
        copy.put("metadata", metadata);
        return copy;
    }

    /** v0.9.x speakers need Secret memberlist and nothing creates it; an existing one is kept (its key is in use). */
    private void createMemberlistSecret(MetalLbRelease release) {
        if (cluster.get("v1", "Secret", release.namespace(), MemberlistSecret.NAME).isPresent()) {
            progress.skipped("Creating Secret " + release.namespace() + "/" + MemberlistSecret.NAME, "it already exists");
            return;
        }
        progress.step("Creating Secret " + release.namespace() + "/" + MemberlistSecret.NAME + " from 128 random bytes",
                () -> cluster.create(MemberlistSecret.generate(release.namespace(), new SecureRandom()).toObject()));
    }

    private void awaitEstablished(String crd, Instant deadline) {
        cluster.await("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, crd,
                state -> state.map(Installer::established).orElse(false), "CRD " + crd + " to be Established", remaining(deadline));
    }

    private static boolean established(Map<String, Object> crd) {
        return Fields.list(Fields.map(crd, "status"), "conditions").stream()
                .map(c -> (Map<?, ?>) c)
                .anyMatch(c -> "Established".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    private void awaitRollout(String kind, String name, Instant deadline) {
        String namespace = MetalLbRelease.NAMESPACE;
        try {
            cluster.await("apps/v1", kind, namespace, name,
                    state -> state.map(kind.equals("Deployment") ? Rollouts::deploymentRolledOut : Rollouts::daemonSetRolledOut)
                            .orElse(false),
                    "the rollout of " + kind + " " + namespace + "/" + name, remaining(deadline));
        } catch (ClusterTimeoutException e) {
            String seen = cluster.get("apps/v1", kind, namespace, name).map(Rollouts::describe).orElse("it does not exist");
            throw new ClusterTimeoutException(e.getMessage() + " (" + seen + ")");
        }
    }

    /**
     * Applies the pool resources. MetalLB's webhook refuses them until the controller serves it with its certificate,
     * so a failed call to the webhook is retried with backoff until the deadline; a webhook that answers and denies is
     * a real validation error and is not retried.
     */
    private boolean applyResources(List<Map<String, Object>> resources, Instant deadline) {
        for (Map<String, Object> resource : resources) {
            String what = resource.get("kind") + " " + Fields.namespace(resource) + "/" + Fields.name(resource);
            progress.step("Applying " + what, () -> applyThroughWebhook(resource, what, deadline));
        }
        return !resources.isEmpty() | pruneEarlierPools(resources);
    }

    /**
     * lbctl's pools become exactly the ones given: resources an earlier install labelled as lbctl's and that this one
     * no longer has are deleted, advertisements first. Nobody else's resources are touched.
     */
    private boolean pruneEarlierPools(List<Map<String, Object>> wanted) {
        java.util.Set<String> keep = new java.util.HashSet<>();
        wanted.forEach(r -> keep.add(r.get("kind") + "/" + Fields.name(r)));
        boolean pruned = false;
        for (String kind : List.of("L2Advertisement", "BGPAdvertisement", "IPAddressPool")) {
            if (!cluster.serves(METALLB_API, kind)) {
                continue;
            }
            for (Map<String, Object> r : cluster.list(METALLB_API, kind, MetalLbRelease.NAMESPACE)) {
                boolean lbctls = PoolObjects.MANAGED_BY_VALUE.equals(
                        Fields.map(Fields.map(r, "metadata"), "labels").get(PoolObjects.MANAGED_BY_LABEL));
                if (lbctls && !keep.contains(kind + "/" + Fields.name(r))) {
                    progress.step("Deleting " + kind + " " + MetalLbRelease.NAMESPACE + "/" + Fields.name(r)
                            + " (no longer among lbctl's pools)",
                            () -> cluster.delete(METALLB_API, kind, MetalLbRelease.NAMESPACE, Fields.name(r)));
                    pruned = true;
                }
            }
        }
        return pruned;
    }

    private void applyThroughWebhook(Map<String, Object> resource, String what, Instant deadline) {
        Duration wait = FIRST_RETRY;
        while (true) {
            try {
                cluster.apply(resource);
                return;
            } catch (ClusterAccessException e) {
                String message = e.getMessage();
                if (message.contains("denied the request")) {
                    throw new InvalidInputException("MetalLB's webhook refused " + what + ": " + message);
                }
                if (!message.contains("failed calling webhook")) {
                    throw e;
                }
                if (Instant.now().plus(wait).isAfter(deadline)) {
                    throw new ClusterTimeoutException("timed out applying " + what + ": MetalLB's webhook was still not"
                            + " answering (" + webhookReason(message) + ")");
                }
                progress.info("  MetalLB's webhook is not serving yet (" + webhookReason(message) + "); retrying in "
                        + wait.toSeconds() + "s");
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait.multipliedBy(2);
            }
        }
    }

    /** The useful tail of "failed calling webhook ...: Post ...: dial tcp ...: connect: connection refused". */
    static String webhookReason(String message) {
        int at = message.lastIndexOf(": ");
        return at < 0 ? message : message.substring(at + 2).replaceAll("[.]$", "");
    }

    /** Merges lbctl's pools into the ConfigMap; a concurrent change is re-read and merged again, never overwritten. */
    private boolean writeConfigMap(InstallPlan plan, Instant deadline) {
        String namespace = plan.release().namespace();
        String name = LegacyPoolConfig.CONFIG_MAP_NAME;
        for (int attempt = 1; ; attempt++) {
            Optional<ConfigMapSnapshot> existing = cluster.configMap(namespace, name);
            LegacyPoolConfig.Update update = LegacyPoolConfig.merge(
                    existing.map(cm -> cm.data().get(LegacyPoolConfig.DATA_KEY)),
                    LegacyPoolConfig.managedPools(existing.map(cm -> cm.annotations().get(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION))),
                    plan.configuration().pools());
            if (!update.changed()) {
                progress.skipped("Writing ConfigMap " + namespace + "/" + name, "lbctl's pools are already there");
                return false;
            }
            try {
                progress.step("Writing lbctl's pools into ConfigMap " + namespace + "/" + name, () -> {
                    if (existing.isEmpty()) {
                        cluster.create(configMap(namespace, name, update));
                    } else {
                        Map<String, String> data = new HashMap<>(existing.get().data());
                        data.put(LegacyPoolConfig.DATA_KEY, update.configText());
                        Map<String, String> annotations = new HashMap<>(existing.get().annotations());
                        annotations.put(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION, update.managedPoolsAnnotation());
                        cluster.updateConfigMap(existing.get().withData(data, annotations));
                    }
                });
                return true;
            } catch (ConflictException e) {
                if (attempt >= 5 || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                progress.info("  ConfigMap " + namespace + "/" + name + " changed meanwhile; merging again");
            }
        }
    }

    /** The ConfigMap holding lbctl's pools, as created where there is none yet. */
    public static Map<String, Object> configMap(String namespace, String name, LegacyPoolConfig.Update update) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("annotations", Map.of(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION, update.managedPoolsAnnotation()));
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("apiVersion", "v1");
        cm.put("kind", "ConfigMap");
        cm.put("metadata", metadata);
        cm.put("data", Map.of(LegacyPoolConfig.DATA_KEY, update.configText()));
        return cm;
    }

    private static Duration remaining(Instant deadline) {
        Duration left = Duration.between(Instant.now(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterTimeoutException("interrupted while waiting for MetalLB's webhook");
        }
    }
}
