package dev.lbctl.install;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterAccessException;
import dev.lbctl.cluster.ClusterTimeoutException;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.ConflictException;
import dev.lbctl.cluster.Fields;
import dev.lbctl.cluster.Rollouts;
import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.Problem;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.inventory.ApplySet;
import dev.lbctl.inventory.Inventory;
import dev.lbctl.inventory.Members;
import dev.lbctl.inventory.ObjectRef;
import dev.lbctl.inventory.ServedKinds;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.ManifestObject;
import dev.lbctl.metallb.MemberlistSecret;
import dev.lbctl.metallb.MetalLbRelease;
import dev.lbctl.metallb.PeerPassword;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.report.Progress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The cluster half of install. It reads first (preflight, discovery, lbctl's inventory, every object it wants to write
 * and every object it owns), decides (see {@link OwnershipCheck}), and only then writes: the namespace, the inventory
 * (listing the union of old and new kinds, so an interrupted install leaves nothing unlisted), the manifests by
 * server-side apply in dependency order, the pools, the prune of what lbctl no longer wants, and the inventory's final
 * kinds. Every write is declarative, so running install again changes nothing, and an interrupted install converges
 * when re-run.
 */
public final class Installer {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration MAX_RETRY = Duration.ofSeconds(8);
    private static final Duration OVERLAP_GRACE = Duration.ofSeconds(15);

    private final Cluster cluster;
    private final Progress progress;

    public Installer(Cluster cluster, Progress progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    /**
     * What install did, for the summary on stdout.
     *
     * @param configurationChanged whether a write changed lbctl's pools (an apply that stored nothing new does not count)
     * @param adopted objects of someone else's that --adopt took over
     * @param pruned lbctl's objects that install deleted because it no longer wants them
     * @param theirs entries of ConfigMap {@code config} that others wrote and lbctl kept as they were (ConfigMap
     *     releases), e.g. "peer 192.0.2.1"
     */
    public record Result(MetalLbRelease release, int applied, List<String> skipped, boolean configurationChanged,
                         List<String> adopted, List<String> pruned, List<String> theirs) {
        public Result {
            skipped = List.copyOf(skipped);
            adopted = List.copyOf(adopted);
            pruned = List.copyOf(pruned);
            theirs = List.copyOf(theirs);
        }
    }

    public Result install(InstallPlan plan, List<AddressPool> pools) {
        Instant deadline = Instant.now().plus(plan.timeout());
        new Preflight(cluster, progress).run(plan, pools);
        return write(plan, readAndDecide(plan), deadline);
    }

    /**
     * Everything install decided before its first write.
     *
     * @param kinds the group-kinds the inventory lists while install runs (what lbctl owned before and what it writes)
     * @param owned lbctl's objects as they were before install
     * @param writtenBesides objects written outside the manifests: the ConfigMap release's pools, v0.9's memberlist Secret
     */
    private record Decided(ApplySet applySet, Optional<Inventory> inventory, List<ManifestObject> manifest,
                           List<String> skipped, TreeSet<String> kinds, List<Map<String, Object>> owned,
                           Set<ObjectRef> writtenBesides, OwnershipCheck.Decision decision, Optional<LegacyWrite> legacy) {
    }

    private Decided readAndDecide(InstallPlan plan) {
        MetalLbRelease release = plan.release();
        ApplySet applySet = new ApplySet(release.namespace());
        ServedKinds served = progress.step(Messages.get("install.step.servedKinds"), () -> new ServedKinds(cluster.servedKinds()));
        Members members = new Members(cluster, applySet, served);
        Optional<Inventory> inventory = members.inventory();
        List<ManifestObject> manifest = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (ManifestObject object : plan.manifestObjects()) {
            if (served.serves(ObjectRef.of(object.document()))) {
                manifest.add(object);
            } else {
                skipped.add(object.describe());
                progress.warn(Messages.get("install.skipUnserved", object.describe(), object.kind(), object.apiVersion()));
            }
        }
        List<Map<String, Object>> poolResources = plan.configuration().resources();
        List<Map<String, Object>> wanted = new ArrayList<>(manifest.stream().map(ManifestObject::document).toList());
        wanted.addAll(poolResources);
        TreeSet<String> kinds = new TreeSet<>(inventory.map(Inventory::groupKinds).orElse(new TreeSet<>()));
        wanted.forEach(o -> kinds.add(ObjectRef.of(o).groupKind()));
        Set<ObjectRef> writtenBesides = new HashSet<>();
        if (release.version().usesConfigMap()) {
            writtenBesides.add(new ObjectRef("", "ConfigMap", release.namespace(), LegacyPoolConfig.CONFIG_MAP_NAME));
        }
        if (release.lbctlCreatesMemberlistSecret()) {
            writtenBesides.add(new ObjectRef("", "Secret", release.namespace(), MemberlistSecret.NAME));
        }
        writtenBesides.forEach(ref -> kinds.add(ref.groupKind()));
        List<Map<String, Object>> owned = progress.step(Messages.get("install.step.owned"), () -> members.list(kinds));
        OwnershipCheck.Decision decision = progress.step(Messages.get("install.step.existingObjects"), () -> OwnershipCheck.decide(
                manifest.stream().map(ManifestObject::document).toList(), poolResources, writtenBesides,
                existing(wanted, served), owned, applySet, plan.adopt(), plan.poolsOnly()));
        List<String> problems = new ArrayList<>(decision.conflicts());
        if (plan.poolsOnly() && cluster.get("v1", "Namespace", null, release.namespace()).isEmpty()) {
            problems.add(Messages.get("install.poolsOnlyWithoutMetalLb", release.namespace()));
        }
        Optional<PeerPassword> password = passwordSecrets(plan, problems);
        Optional<LegacyWrite> legacy = release.version().usesConfigMap() && problems.isEmpty()
                ? Optional.of(legacyWrite(plan, applySet, inventory, password, problems)) : Optional.empty();
        if (!problems.isEmpty()) {
            problems.forEach(e -> progress.info(Messages.get("problem.error", e)));
            throw new PreflightFailedException(problems);
        }
        return new Decided(applySet, inventory, manifest, skipped, kinds, owned, writtenBesides, decision, legacy);
    }

    private Result write(InstallPlan plan, Decided d, Instant deadline) {
        MetalLbRelease release = plan.release();
        Inventory next = d.inventory().orElse(Inventory.empty())
                .withGroupKinds(d.kinds())
                .withRelease(plan.poolsOnly() ? d.inventory().flatMap(Inventory::release) : Optional.of(release.tag()))
                .withLegacyConfigBefore(d.legacy().flatMap(LegacyWrite::userTextBefore)
                        .or(() -> d.inventory().flatMap(Inventory::legacyConfigBefore)));
        d.decision().adopted().forEach(ref -> progress.info(Messages.get("install.takingOver", ref.describe())));
        Map<ObjectRef, Map<String, Object>> labelled = new LinkedHashMap<>();
        d.decision().apply().forEach(o -> labelled.put(ObjectRef.of(o), o));
        int applied = 0;
        boolean inventoryWritten = false;
        for (List<ManifestObject> group : ApplyGroups.of(d.manifest())) {
            progress.step(Messages.get("install.step.apply", ApplyGroups.describe(group)),
                    () -> group.forEach(o -> cluster.apply(labelled.get(ObjectRef.of(o.document())))));
            applied += group.size();
            if (group.get(0).kind().equals("Namespace")) {
                // The inventory lives in the namespace: right after it, before any other member.
                writeInventory(d.applySet(), next);
                inventoryWritten = true;
                if (release.lbctlCreatesMemberlistSecret()) {
                    createMemberlistSecret(release, d.applySet());
                }
            }
            if (group.get(0).kind().equals("CustomResourceDefinition")) {
                progress.step(Messages.get("install.step.crds", group.size()),
                        () -> group.forEach(crd -> awaitEstablished(crd.name(), deadline)));
            }
        }
        if (!inventoryWritten) {
            writeInventory(d.applySet(), next);
        }
        if (plan.waitForRollout() && !plan.poolsOnly()) {
            progress.step(Messages.get("install.step.waitDeployment", release.namespace() + "/" + release.controllerDeployment()),
                    () -> awaitRollout(release, "Deployment", release.controllerDeployment(), deadline));
            progress.step(Messages.get("install.step.waitDaemonSet", release.namespace() + "/" + release.speakerDaemonSet()),
                    () -> awaitRollout(release, "DaemonSet", release.speakerDaemonSet(), deadline));
        }
        List<String> pruned = new ArrayList<>();
        List<String> theirs = new ArrayList<>();
        boolean changed = d.legacy().isPresent()
                ? writeConfigMap(plan, d.legacy().get(), d.applySet(), deadline, theirs)
                : applyPools(d.decision(), plan.configuration().resources().stream().map(r -> labelled.get(ObjectRef.of(r)))
                        .filter(Objects::nonNull).toList(), pruned, deadline);
        for (Map<String, Object> old : d.decision().prune()) {
            ObjectRef ref = ObjectRef.of(old);
            if (!pruned.contains(ref.describe())) {
                progress.step(Messages.get("install.step.prune", ref.describe()), () -> delete(old));
                pruned.add(ref.describe());
                changed |= OwnershipCheck.CONFIG_KINDS.contains(ref.kind());
            }
        }
        // A pool deleted only to free its range for another, then applied again, was not pruned.
        pruned.removeIf(gone -> labelled.keySet().stream().anyMatch(ref -> ref.describe().equals(gone)));
        // What lbctl owns now: what it applied or wrote, and what it owned before and did not prune.
        TreeSet<String> finalKinds = new TreeSet<>();
        labelled.keySet().forEach(ref -> finalKinds.add(ref.groupKind()));
        d.writtenBesides().forEach(ref -> finalKinds.add(ref.groupKind()));
        d.owned().stream().map(ObjectRef::of).filter(ref -> !pruned.contains(ref.describe()))
                .forEach(ref -> finalKinds.add(ref.groupKind()));
        if (!finalKinds.equals(d.kinds())) {
            writeInventory(d.applySet(), next.withGroupKinds(finalKinds));
        }
        return new Result(release, applied, d.skipped(), changed,
                d.decision().adopted().stream().map(ObjectRef::describe).toList(), pruned, theirs);
    }

    private Map<ObjectRef, Map<String, Object>> existing(List<Map<String, Object>> wanted, ServedKinds served) {
        Map<ObjectRef, Map<String, Object>> found = new HashMap<>();
        for (Map<String, Object> o : wanted) {
            ObjectRef ref = ObjectRef.of(o);
            if (served.serves(ref)) {
                cluster.get(String.valueOf(o.get("apiVersion")), ref.kind(), ref.clusterScoped() ? null : ref.namespace(), ref.name())
                        .ifPresent(live -> found.put(ref, live));
            }
        }
        return found;
    }

    private void writeInventory(ApplySet applySet, Inventory inventory) {
        progress.step(Messages.get("install.step.inventory", applySet.parent().namespace() + "/" + applySet.parent().name()),
                () -> cluster.apply(inventory.toParent(applySet)));
    }

    private void delete(Map<String, Object> object) {
        ObjectRef ref = ObjectRef.of(object);
        cluster.delete(String.valueOf(object.get("apiVersion")), ref.kind(), ref.clusterScoped() ? null : ref.namespace(), ref.name());
    }

    /** v0.9.x speakers need Secret memberlist and nothing creates it; an existing one is kept (its key is in use). */
    private void createMemberlistSecret(MetalLbRelease release, ApplySet applySet) {
        if (cluster.get("v1", "Secret", release.namespace(), MemberlistSecret.NAME).isPresent()) {
            progress.skipped(Messages.get("install.step.secret", release.namespace() + "/" + MemberlistSecret.NAME), Messages.get("install.secretExists"));
            return;
        }
        progress.step(Messages.get("install.step.secretRandom", release.namespace() + "/" + MemberlistSecret.NAME),
                () -> cluster.create(applySet.asMember(MemberlistSecret.generate(release.namespace(), new SecureRandom()).toObject())));
    }

    private void awaitEstablished(String crd, Instant deadline) {
        cluster.await("apiextensions.k8s.io/v1", "CustomResourceDefinition", null, crd,
                state -> state.map(Installer::established).orElse(false), Messages.get("install.await.established", crd), remaining(deadline));
    }

    private static boolean established(Map<String, Object> crd) {
        return Fields.list(Fields.map(crd, "status"), "conditions").stream()
                .map(c -> (Map<?, ?>) c)
                .anyMatch(c -> "Established".equals(c.get("type")) && "True".equals(c.get("status")));
    }

    private void awaitRollout(MetalLbRelease release, String kind, String name, Instant deadline) {
        String namespace = release.namespace();
        try {
            cluster.await("apps/v1", kind, namespace, name,
                    state -> state.map(kind.equals("Deployment") ? Rollouts::deploymentRolledOut : Rollouts::daemonSetRolledOut)
                            .orElse(false),
                    Messages.get("install.await.rollout", kind + " " + namespace + "/" + name), remaining(deadline));
        } catch (ClusterTimeoutException e) {
            String seen = cluster.get("apps/v1", kind, namespace, name).map(Rollouts::describe).orElse(Messages.get("install.await.missing"));
            throw new ClusterTimeoutException(e.getMessage() + " (" + seen + ")");
        }
    }

    /**
     * Applies lbctl's pool resources; a pool that replaces an overlapping old one (a rename) goes right after the old one
     * is deleted, and the old one is put back if MetalLB refuses the new one, so the range is never left without a pool.
     * Returns whether anything changed.
     */
    private boolean applyPools(OwnershipCheck.Decision decision, List<Map<String, Object>> resources, List<String> pruned,
                               Instant deadline) {
        boolean changed = false;
        for (OwnershipCheck.PoolStep step : decision.poolOrder()) {
            changed |= applyPool(step.pool(), step.deleteFirst(), pruned, deadline);
        }
        for (Map<String, Object> resource : resources) {
            if (!"IPAddressPool".equals(resource.get("kind"))) {
                changed |= applyPool(resource, List.of(), pruned, deadline);
            }
        }
        return changed;
    }

    private boolean applyPool(Map<String, Object> resource, List<Map<String, Object>> replaced, List<String> pruned,
                              Instant deadline) {
        ObjectRef ref = ObjectRef.of(resource);
        for (Map<String, Object> old : replaced) {
            progress.step(Messages.get("install.step.moveAddresses", ObjectRef.of(old).describe(), ref.name()),
                    () -> deleteAndWait(old, deadline));
            if (!pruned.contains(ObjectRef.of(old).describe())) {
                pruned.add(ObjectRef.of(old).describe());
            }
        }
        String before = cluster.get(String.valueOf(resource.get("apiVersion")), ref.kind(), ref.namespace(), ref.name())
                .map(Installer::resourceVersion).orElse("");
        try {
            Map<String, Object> stored = progress.step(Messages.get("install.step.apply", ref.describe()),
                    () -> applyThroughWebhook(resource, ref.describe(), !replaced.isEmpty(), deadline));
            return !replaced.isEmpty() || !before.equals(resourceVersion(stored));
        } catch (RuntimeException e) {
            replaced.forEach(old -> progress.step(Messages.get("install.step.putBack", ObjectRef.of(old).describe()),
                    () -> cluster.create(recreatable(old))));
            throw e;
        }
    }

    private void deleteAndWait(Map<String, Object> object, Instant deadline) {
        delete(object);
        ObjectRef ref = ObjectRef.of(object);
        cluster.await(String.valueOf(object.get("apiVersion")), ref.kind(), ref.clusterScoped() ? null : ref.namespace(),
                ref.name(), Optional::isEmpty, Messages.get("await.deleted", ref.describe()), remaining(deadline));
    }

    private static String resourceVersion(Map<String, Object> object) {
        return Objects.requireNonNullElse(Fields.string(Fields.map(object, "metadata"), "resourceVersion"), "");
    }

    /** An object as read, reduced to what creating it again needs. */
    private static Map<String, Object> recreatable(Map<String, Object> object) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> read = Fields.map(object, "metadata");
        for (String key : List.of("name", "namespace", "labels", "annotations")) {
            if (read.containsKey(key)) {
                metadata.put(key, read.get(key));
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(object);
        copy.put("metadata", metadata);
        copy.remove("status");
        return copy;
    }

    /**
     * MetalLB's webhook refuses pools until the controller serves it with its certificate, so a failed call to the
     * webhook is retried with backoff until the deadline; a webhook that answers and denies is a real validation error
     * and is not retried.
     */
    private Map<String, Object> applyThroughWebhook(Map<String, Object> resource, String what, boolean replacesOverlap,
                                                    Instant deadline) {
        Duration wait = FIRST_RETRY;
        Instant overlapGrace = Instant.now().plus(OVERLAP_GRACE);
        while (true) {
            try {
                return cluster.apply(resource);
            } catch (ClusterAccessException e) {
                String message = e.getMessage();
                // The webhook checks against its controller's cache, which learns of the deleted pool a moment later.
                boolean staleOverlap = replacesOverlap && message.contains("overlaps with already defined CIDR")
                        && Instant.now().isBefore(overlapGrace);
                if (message.contains("denied the request") && !staleOverlap) {
                    throw new InvalidInputException(Messages.get("install.webhookRefused", what, message));
                }
                if (!message.contains("failed calling webhook") && !staleOverlap) {
                    throw e;
                }
                if (Instant.now().plus(wait).isAfter(deadline)) {
                    throw new ClusterTimeoutException(Messages.get("install.webhookTimedOut", what, webhookReason(message)));
                }
                progress.info(Messages.get("install.webhookRetry", webhookReason(message), wait.toSeconds()));
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

    /**
     * The ConfigMap release's pools (and BGP peers) go into ConfigMap {@code config}: created as lbctl's when absent,
     * else merged into the existing one. The text of a ConfigMap lbctl did not create is recorded in the inventory the
     * first time, so uninstall can give it back exactly.
     *
     * @param password the --bgp-peer peer's password, read from its Secret; never printed
     */
    private record LegacyWrite(Optional<ConfigMapSnapshot> existing, boolean lbctls, Optional<String> userTextBefore,
                               Optional<PeerPassword> password) {
    }

    private LegacyWrite legacyWrite(InstallPlan plan, ApplySet applySet, Optional<Inventory> inventory,
                                    Optional<PeerPassword> password, List<String> problems) {
        String namespace = plan.release().namespace();
        Optional<ConfigMapSnapshot> existing = cluster.configMap(namespace, LegacyPoolConfig.CONFIG_MAP_NAME);
        boolean lbctls = existing.isPresent() && cluster.get("v1", "ConfigMap", namespace, LegacyPoolConfig.CONFIG_MAP_NAME)
                .map(applySet::isMember).orElse(false);
        boolean firstMerge = existing.isPresent() && !lbctls
                && !existing.get().annotations().containsKey(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)
                && inventory.flatMap(Inventory::legacyConfigBefore).isEmpty();
        // A clash with an entry of someone else's in the ConfigMap is found here, before anything is written.
        LegacyPoolConfig.Update merged = merge(plan, existing, password);
        // MetalLB reads the ConfigMap as a whole and ignores all of it when any part is invalid, so the merge of
        // lbctl's entries with the user's is checked as MetalLB would (a duplicate peer, overlapping pools).
        String text = merged.configText();
        if (LegacyPoolConfig.configuresAnything(text)) {
            ConfigValidator.validate(ConfigFiles.read(text, "ConfigMap " + namespace + "/" + LegacyPoolConfig.CONFIG_MAP_NAME),
                            plan.release().version()).stream()
                    .filter(Problem::refusedByMetalLb)
                    .forEach(p -> problems.add(Messages.get("install.mergedConfigInvalid", namespace + "/"
                            + LegacyPoolConfig.CONFIG_MAP_NAME, plan.release().tag(), p.describe())));
        }
        List<String> theirPeers = merged.theirs().stream().filter(t -> t.startsWith("peer ")).toList();
        if (!plan.configuration().legacyBgp().isEmpty() && !theirPeers.isEmpty()) {
            // The ConfigMap format has no per-peer advertisement: every BGP pool goes to every peer.
            progress.warn(Messages.get("install.legacyEveryPeer", String.join(", ", theirPeers)));
        }
        Optional<String> before = firstMerge
                ? Optional.of(Objects.requireNonNullElse(existing.get().data().get(LegacyPoolConfig.DATA_KEY), ""))
                : Optional.empty();
        return new LegacyWrite(existing, lbctls, before, password);
    }

    private static LegacyPoolConfig.Update merge(InstallPlan plan, Optional<ConfigMapSnapshot> current,
                                                 Optional<PeerPassword> password) {
        return LegacyPoolConfig.merge(current.map(cm -> cm.data().get(LegacyPoolConfig.DATA_KEY)),
                current.map(cm -> LegacyPoolConfig.Owned.of(cm.annotations())).orElse(LegacyPoolConfig.Owned.NOTHING),
                plan.configuration().pools(), plan.configuration().legacyBgp(), password);
    }

    /**
     * The Secrets that BGP peers take their password from must exist in MetalLB's namespace, be of type
     * kubernetes.io/basic-auth and have a {@code password} key (metallb@v0.16.1:internal/config/config.go,
     * passwordFromSecretForPeer); lbctl never creates them. A ConfigMap release has only a plain {@code password:},
     * so there the value is read, to be written into the ConfigMap, and never shown.
     */
    private Optional<PeerPassword> passwordSecrets(InstallPlan plan, List<String> problems) {
        String namespace = plan.release().namespace();
        Set<String> names = new TreeSet<>();
        plan.configuration().legacyBgp().passwordSecret().ifPresent(names::add);
        plan.configuration().resources().stream().filter(r -> "BGPPeer".equals(r.get("kind")))
                .map(r -> Fields.string(Fields.map(Fields.map(r, "spec"), "passwordSecret"), "name"))
                .filter(Objects::nonNull).forEach(names::add);
        Optional<PeerPassword> password = Optional.empty();
        for (String name : names) {
            Optional<Map<String, Object>> secret = cluster.get("v1", "Secret", namespace, name);
            Optional<String> problem = secretProblem(secret);
            if (problem.isPresent() && cluster.get("v1", "Namespace", null, namespace).isEmpty()) {
                // The Secret must live in MetalLB's namespace, which this install would create: it cannot exist yet.
                problems.add(Messages.get("install.secret.noNamespace", namespace + "/" + name, namespace));
            } else if (problem.isPresent()) {
                problems.add(Messages.get(problem.get(), namespace + "/" + name));
            } else if (plan.configuration().legacyBgp().passwordSecret().filter(name::equals).isPresent()) {
                password = Optional.of(password(namespace + "/" + name, secret.get()));
            }
        }
        return password;
    }

    /** The catalog key of what makes a Secret unfit for a BGP password, as MetalLB checks it; empty when it is fit. */
    static Optional<String> secretProblem(Optional<Map<String, Object>> secret) {
        if (secret.isEmpty()) {
            return Optional.of("install.secret.missing");
        }
        if (!"kubernetes.io/basic-auth".equals(secret.get().get("type"))) {
            return Optional.of("install.secret.type");
        }
        return Fields.map(secret.get(), "data").containsKey("password") ? Optional.empty() : Optional.of("install.secret.noPassword");
    }

    /** The Secret's {@code password}, as read from the API (base64 in {@code data}). */
    static PeerPassword password(String secretRef, Map<String, Object> secret) {
        String encoded = String.valueOf(Fields.map(secret, "data").get("password"));
        return new PeerPassword(secretRef, new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8));
    }

    /** Merges lbctl's entries into the ConfigMap; a concurrent change is re-read and merged again, never overwritten. */
    private boolean writeConfigMap(InstallPlan plan, LegacyWrite legacy, ApplySet applySet, Instant deadline,
                                   List<String> theirs) {
        String namespace = plan.release().namespace();
        String name = LegacyPoolConfig.CONFIG_MAP_NAME;
        Optional<ConfigMapSnapshot> existing = legacy.existing();
        for (int attempt = 1; ; attempt++) {
            Optional<ConfigMapSnapshot> current = existing;
            LegacyPoolConfig.Update update = merge(plan, current, legacy.password());
            theirs.clear();
            theirs.addAll(update.theirs());
            if (!update.changed()) {
                progress.skipped(Messages.get("install.step.writeConfigMap", namespace + "/" + name), Messages.get("install.poolsAlreadyThere"));
                return false;
            }
            try {
                progress.step(Messages.get("install.step.writePools", namespace + "/" + name), () -> {
                    if (current.isEmpty()) {
                        cluster.create(applySet.asMember(configMap(namespace, name, update)));
                    } else {
                        Map<String, String> data = new HashMap<>(current.get().data());
                        data.put(LegacyPoolConfig.DATA_KEY, update.configText());
                        cluster.updateConfigMap(current.get().withData(data, update.owned().replacing(current.get().annotations())));
                    }
                });
                return true;
            } catch (ConflictException e) {
                if (attempt >= 5 || Instant.now().isAfter(deadline)) {
                    throw e;
                }
                progress.info(Messages.get("install.configMapChanged", namespace + "/" + name));
                existing = cluster.configMap(namespace, name);
            }
        }
    }

    /** The ConfigMap holding lbctl's pools, as created where there is none yet. */
    public static Map<String, Object> configMap(String namespace, String name, LegacyPoolConfig.Update update) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("annotations", update.owned().annotations());
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
            throw new ClusterTimeoutException(Messages.get("install.webhookInterrupted"));
        }
    }
}
