package dev.lbctl.election;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The result of one election.
 *
 * @param winner the node whose speaker announces the Service; empty when none does
 * @param ranked the candidates, best first (the winner is the first)
 * @param skipped the nodes that could not win, each with why, by node name
 * @param noWinner why there is no winner; empty when there is one
 * @param hashKey the text hashed after {@code node + "#"}
 */
public record Outcome(Optional<String> winner, List<String> ranked, Map<String, Skip> skipped,
        Optional<NoWinner> noWinner, String hashKey) {

    public Outcome {
        ranked = List.copyOf(ranked);
        skipped = Map.copyOf(skipped);
    }

    /** Why a node is not a candidate, in the order the speaker checks. */
    public enum Skip {
        NO_SPEAKER("no ready speaker runs there"),
        UNSCHEDULABLE("it is cordoned (spec.unschedulable; MetalLB v0.14.9 skips such nodes)"),
        NETWORK_UNAVAILABLE("its NetworkUnavailable condition is True"),
        EXCLUDE_LABEL("it carries the label " + ElectionRules.EXCLUDE_LABEL),
        NOT_SELECTED("no L2Advertisement of the pool selects it (nodeSelectors)"),
        NO_ENDPOINT("no ready endpoint of the Service runs there");

        private final String reason;

        Skip(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** Why nobody announces. */
    public enum NoWinner {
        NO_IP("the Service has no IP"),
        NO_READY_ENDPOINT("the Service has no ready endpoint"),
        NO_ADVERTISEMENT("no L2Advertisement announces the Service's pool"),
        NO_CANDIDATE("no node may announce it");

        private final String reason;

        NoWinner(String reason) {
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }

    /** One line for people: the winner, or why there is none (with each skipped node's reason). */
    public String explain() {
        if (winner.isPresent()) {
            return winner.get();
        }
        NoWinner why = noWinner.orElseThrow();
        if (why != NoWinner.NO_CANDIDATE || skipped.isEmpty()) {
            return why.reason();
        }
        return why.reason() + ": " + skipped.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ": " + e.getValue().reason()).collect(Collectors.joining("; "));
    }
}
