package dev.lbctl.election;

import dev.lbctl.pool.IpAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MetalLB's Layer 2 leader election ({@code ShouldAnnounce} in {@code speaker/layer2_controller.go}), run for every
 * node at once. Each speaker filters the usable speakers the same way and announces when it sorts first by
 * {@code sha256(node + "#" + key)} (bytes compared unsigned, as Go's {@code bytes.Compare}); the key is the first
 * ingress IP from v0.11.0, the Service's {@code namespace/name} before. Node names are unique, so there are no ties.
 */
public final class Election {

    private Election() {
    }

    public static Outcome elect(Ballot ballot, ElectionRules rules) {
        String key = hashKey(ballot, rules);
        if (ballot.ips().isEmpty()) {
            return none(Outcome.NoWinner.NO_IP, Map.of(), key);
        }
        Set<String> endpointNodes = new HashSet<>();
        ballot.endpoints().stream().filter(e -> e.canServe(rules) && e.node() != null).forEach(e -> endpointNodes.add(e.node()));
        boolean anyReady = ballot.endpoints().stream().anyMatch(e -> e.canServe(rules));
        if (rules.needsAnyReadyEndpoint() && !anyReady) {
            return none(Outcome.NoWinner.NO_READY_ENDPOINT, Map.of(), key);
        }
        List<Advertiser> advertisers = ballot.advertisers().stream()
                .filter(a -> !rules.serviceSelectorsFilterAdvertisements() || a.selectsService(ballot.serviceLabels()))
                .toList();
        if (rules.advertisementsSelectNodes() && advertisers.isEmpty()) {
            return none(Outcome.NoWinner.NO_ADVERTISEMENT, Map.of(), key);
        }
        boolean needEndpoint = rules.candidatesNeedEndpoint() || ballot.localPolicy();
        Map<String, Outcome.Skip> skipped = new LinkedHashMap<>();
        List<String> candidates = new ArrayList<>();
        for (NodeState node : ballot.nodes()) {
            Optional<Outcome.Skip> skip = skip(node, rules, advertisers, needEndpoint, endpointNodes);
            if (skip.isPresent()) {
                skipped.put(node.name(), skip.get());
            } else {
                candidates.add(node.name());
            }
        }
        if (candidates.isEmpty()) {
            return none(Outcome.NoWinner.NO_CANDIDATE, skipped, key);
        }
        candidates.sort(Comparator.comparing((String n) -> sha256(n + "#" + key), Arrays::compareUnsigned));
        return new Outcome(Optional.of(candidates.get(0)), candidates, skipped, Optional.empty(), key);
    }

    private static Optional<Outcome.Skip> skip(NodeState node, ElectionRules rules, List<Advertiser> advertisers,
            boolean needEndpoint, Set<String> endpointNodes) {
        if (!node.speaker()) {
            return Optional.of(Outcome.Skip.NO_SPEAKER);
        }
        // v0.14.9's IsNodeAvailable checks spec.unschedulable before the condition.
        if (rules.skipsUnschedulable() && node.unschedulable()) {
            return Optional.of(Outcome.Skip.UNSCHEDULABLE);
        }
        if (rules.skipsNetworkUnavailable() && node.networkUnavailable()) {
            return Optional.of(Outcome.Skip.NETWORK_UNAVAILABLE);
        }
        if (rules.honoursExcludeLabel() && node.labels().containsKey(ElectionRules.EXCLUDE_LABEL)) {
            return Optional.of(Outcome.Skip.EXCLUDE_LABEL);
        }
        if (rules.advertisementsSelectNodes() && advertisers.stream().noneMatch(a -> a.selectsNode(node.labels()))) {
            return Optional.of(Outcome.Skip.NOT_SELECTED);
        }
        if (needEndpoint && !endpointNodes.contains(node.name())) {
            return Optional.of(Outcome.Skip.NO_ENDPOINT);
        }
        return Optional.empty();
    }

    private static Outcome none(Outcome.NoWinner why, Map<String, Outcome.Skip> skipped, String key) {
        return new Outcome(Optional.empty(), List.of(), skipped, Optional.of(why), key);
    }

    /** The first IP as Go's {@code net.IP.String()} prints it, or the Service key before v0.11.0. */
    private static String hashKey(Ballot ballot, ElectionRules rules) {
        if (!rules.keyedByIp()) {
            return ballot.serviceKey();
        }
        if (ballot.ips().isEmpty()) {
            return "";
        }
        String first = ballot.ips().get(0);
        return IpAddress.parse(first).map(IpAddress::toString).orElse(first);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
