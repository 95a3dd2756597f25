package dev.lbctl.election;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ElectionPropertiesTest {

    private static final List<MetalLbVersion> RELEASES = List.of(MetalLbVersion.of(0, 9, 6), MetalLbVersion.of(0, 10, 2),
            MetalLbVersion.of(0, 12, 1), MetalLbVersion.of(0, 13, 12), MetalLbVersion.of(0, 14, 9),
            MetalLbVersion.of(0, 15, 3), MetalLbVersion.of(0, 16, 1));

    @Provide
    Arbitrary<Ballot> ballots() {
        Arbitrary<NodeState> node = Combinators.combine(
                Arbitraries.integers().between(0, 30),
                Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, false, false, false),
                Arbitraries.of(true, true, true, false),
                Arbitraries.of("edge", "core")).as((i, excluded, netDown, cordoned, speaker, zone) ->
                new NodeState("node-" + i, excluded ? Map.of("zone", zone, ElectionRules.EXCLUDE_LABEL, "") : Map.of("zone", zone),
                        netDown, cordoned, speaker));
        Arbitrary<List<NodeState>> nodes = node.list().ofMaxSize(12).uniqueElements(NodeState::name);
        Arbitrary<String> ip = Arbitraries.integers().between(1, 254).map(i -> "192.168.10." + i);
        Arbitrary<List<Advertiser>> ads = Arbitraries.of(
                List.of(new Advertiser("all", List.of(), List.of())),
                List.of(new Advertiser("edge", List.of(new LabelSelector(Map.of("zone", "edge"), List.of())), List.of())),
                List.of(),
                List.of(new Advertiser("web", List.of(), List.of(new LabelSelector(Map.of("app", "web"), List.of())))));
        return Combinators.combine(nodes, ip, Arbitraries.of(true, false), ads, Arbitraries.<Map<String, String>>of(Map.of("app", "web"), Map.of()),
                Arbitraries.integers().between(0, 1 << 20)).as((ns, first, local, advertisers, labels, endpointBits) -> {
                    List<Endpoint> endpoints = new ArrayList<>();
                    for (int i = 0; i < ns.size(); i++) {
                        int bits = (endpointBits >> (i % 10) * 2) & 3;
                        if (bits != 0) {
                            endpoints.add(new Endpoint(ns.get(i).name(), bits != 1, bits == 3));
                        }
                    }
                    return new Ballot("default/web", labels, List.of(first), local, advertisers, ns, endpoints);
                });
    }

    @Provide
    Arbitrary<ElectionRules> rules() {
        return Arbitraries.of(RELEASES).map(ElectionRules::of);
    }

    @Property
    void winnerIsAlwaysACandidate(@ForAll("ballots") Ballot ballot, @ForAll("rules") ElectionRules rules) {
        Outcome outcome = Election.elect(ballot, rules);
        outcome.winner().ifPresent(w -> {
            assertThat(outcome.ranked()).first().isEqualTo(w);
            assertThat(outcome.skipped()).doesNotContainKey(w);
            assertThat(ballot.nodes()).anyMatch(n -> n.name().equals(w) && n.speaker());
        });
        assertThat(outcome.ranked().size() + outcome.skipped().size())
                .isEqualTo(outcome.noWinner().filter(w -> w != Outcome.NoWinner.NO_CANDIDATE).isPresent() ? 0 : ballot.nodes().size());
    }

    @Property
    void removingANonWinnerNeverChangesTheWinner(@ForAll("ballots") Ballot ballot, @ForAll("rules") ElectionRules rules) {
        Outcome outcome = Election.elect(ballot, rules);
        for (NodeState n : ballot.nodes()) {
            if (outcome.winner().filter(n.name()::equals).isPresent()) {
                continue;
            }
            Outcome without = Election.elect(ballot.without(n.name()), rules);
            // Removing the only ready endpoint's node may leave none at all, so nobody wins; otherwise the winner stays.
            if (outcome.winner().isPresent() && without.noWinner().isEmpty()) {
                assertThat(without.winner()).as("without " + n.name()).isEqualTo(outcome.winner());
            } else if (outcome.winner().isPresent()) {
                assertThat(without.noWinner()).contains(Outcome.NoWinner.NO_READY_ENDPOINT);
            } else {
                assertThat(without.winner()).as("without " + n.name()).isEmpty();
            }
        }
    }

    @Property
    void removingTheWinnerPromotesTheRunnerUp(@ForAll("ballots") Ballot ballot, @ForAll("rules") ElectionRules rules) {
        Outcome outcome = Election.elect(ballot, rules);
        if (outcome.ranked().size() >= 2) {
            Outcome without = Election.elect(ballot.without(outcome.ranked().get(0)), rules);
            if (without.noWinner().isEmpty()) {
                assertThat(without.winner()).contains(outcome.ranked().get(1));
            }
        }
    }
}
