package dev.lbctl.doctor;

import dev.lbctl.allocator.Allocation;
import dev.lbctl.allocator.Simulation;
import dev.lbctl.cluster.Fields;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.election.Ballot;
import dev.lbctl.election.Election;
import dev.lbctl.election.ElectionRules;
import dev.lbctl.election.Layer2Advertisers;
import dev.lbctl.election.NodeState;
import dev.lbctl.election.Outcome;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Yaml;
import dev.lbctl.services.ServiceManifests;
import dev.lbctl.services.ServiceRequest;
import dev.lbctl.status.Layer2Announcement;
import dev.lbctl.status.LoadBalancerService;
import dev.lbctl.status.PoolUsage;
import dev.lbctl.status.ServiceEvents;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Follows each Service from allocation (the simulator) to announcement (the election) and compares with MetalLB. */
final class ServiceChecks {

    private static final String ANNOUNCE_FAILED = "announceFailed";

    private final ClusterFacts facts;
    private final MetalLbVersion version;
    private final ElectionRules rules;
    private final Optional<MetalLbConfig> config;
    private final List<AddressPool> pools;
    private final Map<String, Allocation> simulated;
    private final Map<String, List<String>> announcedBy;
    private final List<NodeState> nodes;
    private final List<Finding> out = new ArrayList<>();

    ServiceChecks(ClusterFacts facts, Optional<MetalLbConfig> config, List<Map<String, Object>> handled) {
        this.facts = facts;
        this.version = facts.snapshot().metallb().version().orElse(MetalLbVersion.LATEST);
        boolean ignoreExclude = SnapshotReader.speakerSwitch(facts.snapshot(), "ignore-exclude-lb");
        ElectionRules base = ElectionRules.of(version);
        this.rules = ignoreExclude ? base.ignoringExcludeLabel() : base;
        this.config = config;
        this.pools = config.map(c -> c.pools(version)).orElse(List.of());
        this.simulated = simulate(handled);
        this.announcedBy = announcements();
        this.nodes = facts.nodeStates();
    }

    List<Finding> findings() {
        return out;
    }

    Report.ServiceCheck check(Map<String, Object> raw) {
        LoadBalancerService service = LoadBalancerService.from(raw).orElseThrow();
        String object = "Service " + service.key();
        Optional<String> actual = Optional.ofNullable(announcedBy.get(service.key()))
                .filter(l -> !l.isEmpty()).map(l -> l.get(l.size() - 1))
                .or(() -> rules.release().below(0, 14, 2) ? ServiceEvents.announcingNode(events(service)) : Optional.empty());
        if (service.ips().isEmpty()) {
            allocation(service, object);
            return new Report.ServiceCheck(service.namespace(), service.name(), null, null, actual.orElse(null));
        }
        Optional<String> predicted = announcement(service, raw, object);
        if (config.isPresent()) {
            compare(object, predicted, actual, announcedBy.getOrDefault(service.key(), List.of()));
        }
        return new Report.ServiceCheck(service.namespace(), service.name(), service.ips().get(0), predicted.orElse(null),
                actual.orElse(null));
    }

    private void allocation(LoadBalancerService service, String object) {
        Optional<String> event = ServiceEvents.lastAllocationFailure(events(service)).map(ServiceEvents::allocationError);
        Allocation result = simulated.get(service.key());
        if (config.isEmpty()) {
            out.add(Finding.error(Code.NO_POOLS, object, Messages.get("doctor.noPools"), AllocationReasons.fix(Code.NO_POOLS, service.namespace(),
                    facts.metallbNamespace())));
            return;
        }
        String reason;
        if (result != null && result.status() == Allocation.Status.PENDING) {
            reason = result.reason();
            if (event.isPresent() && !event.get().equals(reason)) {
                out.add(Finding.warning(Code.ALLOCATION_EVENT_DISAGREES, object, Messages.get("doctor.eventDisagrees", event.get(), reason), null));
            }
        } else if (event.isPresent()) {
            reason = event.get();
        } else {
            out.add(Finding.error(Code.ALLOCATION_FAILED, object, result == null ? Messages.get("doctor.noEvent")
                    : Messages.get("doctor.noEvent.simulated", String.join(", ", result.ips()), result.pool()),
                    "kubectl -n " + facts.metallbNamespace() + " logs deploy/controller | grep " + service.name()));
            return;
        }
        Code code = AllocationReasons.classify(reason, pools);
        out.add(Finding.error(code, object, Messages.get(event.isPresent() && event.get().equals(reason)
                ? "doctor.cannotAssign.event" : "doctor.cannotAssign", reason),
                AllocationReasons.fix(code, service.namespace(), facts.metallbNamespace())));
    }

    private Optional<String> announcement(LoadBalancerService service, Map<String, Object> raw, String object) {
        if (config.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> pool = PoolUsage.poolOf(service, pools);
        if (pool.isEmpty()) {
            return Optional.empty();
        }
        if (Layer2Advertisers.bgpOnly(config.get(), pool.get())) {
            out.add(Finding.info(Code.NOT_LAYER2, object, Messages.get("doctor.notLayer2", pool.get())));
            return Optional.empty();
        }
        Map<String, Object> spec = Fields.map(raw, "spec");
        Map<String, String> labels = new LinkedHashMap<>();
        Fields.map(Fields.map(raw, "metadata"), "labels").forEach((k, v) -> labels.put(k, String.valueOf(v)));
        Ballot ballot = new Ballot(service.key(), labels, service.ips(), "Local".equals(Fields.string(spec, "externalTrafficPolicy")),
                Layer2Advertisers.forPool(config.get(), pool.get()), nodes, facts.endpoints(service.namespace(), service.name()));
        Outcome outcome = Election.elect(ballot, rules);
        outcome.noWinner().ifPresent(why -> noWinner(why, outcome, ballot, pool.get(), object));
        announceFailed(service, object);
        return outcome.winner();
    }

    private void noWinner(Outcome.NoWinner why, Outcome outcome, Ballot ballot, String pool, String object) {
        String ns = facts.metallbNamespace();
        switch (why) {
            case NO_IP -> { }
            case NO_READY_ENDPOINT -> out.add(Finding.error(Code.NO_READY_ENDPOINT, object,
                    Messages.get("doctor.noReadyEndpoint"),
                    "kubectl -n " + ballot.serviceKey().split("/")[0] + " get endpointslices -l kubernetes.io/service-name="
                            + ballot.serviceKey().split("/")[1] + " " + Messages.get("doctor.noReadyEndpoint.fix")));
            case NO_ADVERTISEMENT -> out.add(Finding.error(Code.NO_L2_ADVERTISEMENT, object,
                    Messages.get(ballot.advertisers().isEmpty() ? "doctor.noAdvertisement" : "doctor.advertisementSelectsOthers", pool),
                    "kubectl apply -f - <<EOF\napiVersion: metallb.io/v1beta1\nkind: L2Advertisement\nmetadata: {name: " + pool
                            + ", namespace: " + ns + "}\nspec: {ipAddressPools: [" + pool + "]}\nEOF"));
            case NO_CANDIDATE -> noCandidate(outcome, ballot, pool, object);
            default -> throw new IllegalStateException(why.name());
        }
    }

    /** One finding per reason that kept nodes out; nodes the advertisements do not select are left out by design. */
    private void noCandidate(Outcome outcome, Ballot ballot, String pool, String object) {
        if (outcome.skipped().values().stream().allMatch(s -> s == Outcome.Skip.NOT_SELECTED) && rules.advertisementsSelectNodes()) {
            out.add(Finding.error(Code.NODE_SELECTORS_MATCH_NO_NODE, object, Messages.get("doctor.nodeSelectorsMatchNothing", pool, names(ballot)),
                    Messages.get("doctor.nodeSelectorsMatchNothing.fix")));
            return;
        }
        Map<Outcome.Skip, Set<String>> byReason = new EnumMap<>(Outcome.Skip.class);
        outcome.skipped().forEach((node, skip) -> byReason.computeIfAbsent(skip, k -> new TreeSet<>()).add(node));
        byReason.remove(Outcome.Skip.NOT_SELECTED);
        byReason.forEach((skip, nodesSkipped) -> {
            String list = String.join(", ", nodesSkipped);
            String first = nodesSkipped.iterator().next();
            int count = nodesSkipped.size();
            switch (skip) {
                case NO_SPEAKER -> out.add(Finding.error(Code.NO_READY_SPEAKER, object, Messages.get("doctor.skipped.noSpeaker", list, count),
                        "kubectl -n " + facts.metallbNamespace() + " get pods -l component=speaker -o wide"));
                case EXCLUDE_LABEL -> out.add(Finding.error(Code.NODES_EXCLUDED_BY_LABEL, object, Messages.get("doctor.skipped.excludeLabel", list, count,
                        ElectionRules.EXCLUDE_LABEL),
                        "kubectl label node " + first + " " + ElectionRules.EXCLUDE_LABEL
                                + "-   " + Messages.get("doctor.skipped.excludeLabel.fix")));
                case NETWORK_UNAVAILABLE -> out.add(Finding.error(Code.NODES_NETWORK_UNAVAILABLE, object, Messages.get("doctor.skipped.networkUnavailable", list, count),
                        "kubectl describe node " + first + " " + Messages.get("doctor.skipped.networkUnavailable.fix")));
                case UNSCHEDULABLE -> out.add(Finding.error(Code.NODES_CORDONED, object, Messages.get("doctor.skipped.cordoned", list, count),
                        "kubectl uncordon " + first));
                case NO_ENDPOINT -> out.add(Finding.error(Code.NO_LOCAL_ENDPOINT, object, Messages.get(ballot.localPolicy() ? "doctor.skipped.noEndpoint.local" : "doctor.skipped.noEndpoint", list, count),
                        Messages.get("doctor.skipped.noEndpoint.fix")));
                default -> { }
            }
        });
    }

    private static String names(Ballot ballot) {
        List<String> names = new ArrayList<>();
        ballot.advertisers().forEach(a -> names.add(a.name()));
        return String.join(", ", names);
    }

    private void announceFailed(LoadBalancerService service, String object) {
        Map<String, Object> last = null;
        for (Map<String, Object> e : events(service)) {
            String reason = Fields.string(e, "reason");
            if (ANNOUNCE_FAILED.equals(reason) || ServiceEvents.NODE_ASSIGNED.equals(reason)) {
                last = e;
            }
        }
        if (last != null && ANNOUNCE_FAILED.equals(Fields.string(last, "reason"))) {
            out.add(Finding.error(Code.ANNOUNCE_FAILED, object, Messages.get("doctor.announceFailed", String.valueOf(Fields.string(last, "message")).strip()),
                    Messages.get("doctor.announceFailed.fix")));
        }
    }

    /** Without a configuration there is no prediction to compare: the configuration finding says why. */
    private void compare(String object, Optional<String> predicted, Optional<String> actual, List<String> statuses) {
        boolean statusKnown = !rules.release().below(0, 14, 2);
        if (actual.isEmpty() && (predicted.isEmpty() || !statusKnown)) {
            return;
        }
        Set<String> distinct = new LinkedHashSet<>(statuses);
        if (predicted.equals(actual) && distinct.size() <= 1) {
            return;
        }
        String said = distinct.size() > 1 ? Messages.get("doctor.said.statuses", String.join(Messages.get("doctor.and"), distinct))
                : actual.map(a -> Messages.get(statuses.isEmpty() ? "doctor.said.event" : "doctor.said.status", a))
                        .orElse(Messages.get("doctor.said.none"));
        out.add(Finding.error(Code.ANNOUNCING_NODE_MISMATCH, object, Messages.get("doctor.nodeMismatch", said,
                rules.release(), predicted.orElse(Messages.get("doctor.none"))), "kubectl -n " + facts.metallbNamespace()
                + " logs -l component=speaker | grep -i memberlist"));
    }

    private List<Map<String, Object>> events(LoadBalancerService service) {
        return facts.events(service.namespace(), "Service", service.name());
    }

    /** ServiceL2Status nodes per Service (oldest object first). */
    private Map<String, List<String>> announcements() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<Map<String, Object>> statuses = new ArrayList<>(facts.snapshot().serviceL2Statuses());
        statuses.sort(java.util.Comparator.comparing(s -> String.valueOf(Fields.string(Fields.map(s, "metadata"), "creationTimestamp"))));
        for (Map<String, Object> s : statuses) {
            Layer2Announcement.from(s).ifPresent(a -> out.computeIfAbsent(a.serviceKey(), k -> new ArrayList<>()).add(a.node()));
        }
        return out;
    }

    /** The simulator over every Service MetalLB handles, the way MetalLB would treat them now. */
    private Map<String, Allocation> simulate(List<Map<String, Object>> handled) {
        if (pools.isEmpty()) {
            return Map.of();
        }
        List<ServiceRequest> requests = new ArrayList<>();
        for (Map<String, Object> raw : handled) {
            try {
                requests.addAll(ServiceManifests.parse(Yaml.documents(List.of(Fields.asWritten(raw, "spec", "status"))), "Service "
                        + Fields.namespace(raw) + "/" + Fields.name(raw)).services());
            } catch (InvalidInputException e) {
                // A Service the API server accepted but lbctl's reader does not: it only loses its simulation.
            }
        }
        Map<String, Allocation> out = new LinkedHashMap<>();
        try {
            Simulation.run(pools, requests, facts.namespaceLabels()).forEach(a -> out.put(a.key(), a));
        } catch (IllegalArgumentException e) {
            // Overlapping pools: MetalLB rejects such a configuration, and ConfigurationState says so.
        }
        return out;
    }
}
