package dev.lbctl.it.differential;

import dev.lbctl.it.differential.MetalLbObserver.MetalLbEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what MetalLB did with one seed's Services against {@code lbctl pool simulate}, Service by Service in
 * creation order.
 *
 * <p>Equal means: the same IPs in the same order and the same pool (the {@code ip-allocated-from-pool} annotation)
 * for an assigned Service, plus the same note (MetalLB's AdditionalAssignFailed or LoadBalancerFailed message, or
 * none); for a pending Service, MetalLB's first AllocationFailed event reads {@code Failed to allocate IP for
 * "<ns>/<name>": <err>} with {@code <err>} equal to the simulator's reason. One allowance: MetalLB lists the other
 * users of an address ({@code address also in use by a,b}) in Go map order, so that list is compared as a set.
 *
 * <p>Random pool picks: where the simulator says {@code deterministic: false}, MetalLB chose among several pools at
 * random. Then MetalLB's pool must be one of the candidates (an auto-assign pool of the same tier: unpinned, or pinned
 * with the same priority), and its IPs must be exactly what the simulator gives when told that pool (the Service
 * re-simulated with {@code metallb.io/address-pool} set to it, after the earlier Services holding what MetalLB gave
 * them). After such a pick, and after any disagreement, the rest of the seed is re-simulated from MetalLB's actual
 * state: the Services so far holding their observed IPs ({@code status.loadBalancer.ingress}, which the simulator
 * processes first and keeps), so each difference is reported once and not again as the cascade it causes.
 */
public final class SeedComparison {

    private static final Pattern IN_USE = Pattern.compile("(can't change sharing key for \"[^\"]+\", address also in use by )(.*)");

    public enum Kind { AGREE, RANDOM_PICK, DISAGREE }

    public record Verdict(ServiceSpec service, Kind kind, String detail) {
        @Override
        public String toString() {
            return service.key() + " [" + service.shape() + "]: " + kind + (detail == null ? "" : " - " + detail);
        }
    }

    /**
     * What MetalLB did with one Service.
     *
     * @param answered whether MetalLB assigned an IP or reported a failure before the wait ended
     * @param ips the ingress IPs once it answered
     * @param failure the message of its first AllocationFailed event, or null
     * @param note the message of its first AdditionalAssignFailed or LoadBalancerFailed event, or null
     * @param finalIps the ingress IPs at the end of the seed, after every later Service
     */
    public record Observed(boolean answered, List<String> ips, String pool, String failure, String note,
                           List<MetalLbEvent> events, List<String> finalIps) {

        public boolean assigned() {
            return !ips.isEmpty();
        }

        @Override
        public String toString() {
            if (!answered) {
                return "no answer from MetalLB";
            }
            return assigned() ? "assigned " + ips + " from " + pool + (note == null ? "" : " (" + note + ")")
                    : "pending (" + failure + ")";
        }
    }

    private SeedComparison() {
    }

    /**
     * @param tiers every pool's {@link PoolSpec#tier} by name (this seed's and any other pools in the cluster); a pool
     *              without one is never a candidate
     */
    public static List<Verdict> compare(Scenario scenario, Map<String, Observed> observed, SimulatorRun simulator,
                                        Map<String, String> tiers) {
        List<ServiceSpec> services = scenario.services();
        List<Verdict> verdicts = new ArrayList<>();
        SimulatorRun.Outcome outcome = simulator.simulate("0", services.stream().map(ServiceSpec::manifest).toList());
        for (int i = 0; i < services.size(); i++) {
            ServiceSpec service = services.get(i);
            Observed seen = observed.get(service.key());
            Verdict verdict;
            if (!service.handledByMetalLb()) {
                verdict = ignored(service, seen, outcome);
            } else {
                verdict = compare(service, seen, outcome.byService().get(service.key()));
                SimulatorRun.Result predicted = outcome.byService().get(service.key());
                if (verdict.kind() == Kind.DISAGREE && predicted != null && !predicted.deterministic() && predicted.assigned()
                        && seen.assigned()) {
                    verdict = randomPick(services, observed, i, predicted, seen, simulator, tiers);
                }
            }
            verdicts.add(verdict);
            if (verdict.kind() != Kind.AGREE && i + 1 < services.size()) {
                outcome = simulator.simulate(Integer.toString(i + 1), anchored(services, observed, i + 1, null));
            }
        }
        return verdicts;
    }

    private static Verdict ignored(ServiceSpec service, Observed seen, SimulatorRun.Outcome outcome) {
        if (!outcome.skipped(service.key())) {
            return new Verdict(service, Kind.DISAGREE, "MetalLB ignores it; the simulator did not report it as skipped");
        }
        if (!seen.finalIps().isEmpty() || !seen.events().isEmpty()) {
            return new Verdict(service, Kind.DISAGREE, "the simulator skips it; MetalLB gave it " + seen.finalIps()
                    + " with events " + seen.events());
        }
        return new Verdict(service, Kind.AGREE, null);
    }

    private static Verdict compare(ServiceSpec service, Observed seen, SimulatorRun.Result predicted) {
        if (predicted == null) {
            return new Verdict(service, Kind.DISAGREE, "the simulator has no result for it");
        }
        if (!seen.answered()) {
            return new Verdict(service, Kind.DISAGREE, "MetalLB neither assigned an IP nor reported a failure; simulated: "
                    + predicted);
        }
        String problem = null;
        if (predicted.assigned()) {
            if (!seen.assigned() || !seen.ips().equals(predicted.ips()) || !Objects.equals(seen.pool(), predicted.pool())
                    || !sameReason(seen.note(), predicted.reason())) {
                problem = "mismatch";
            }
        } else if (seen.assigned()) {
            problem = "mismatch";
        } else {
            String prefix = "Failed to allocate IP for \"" + service.key() + "\": ";
            if (seen.failure() == null || !seen.failure().startsWith(prefix)
                    || !sameReason(seen.failure().substring(prefix.length()), predicted.reason())) {
                problem = "mismatch";
            }
        }
        if (problem == null && !seen.finalIps().equals(seen.ips())) {
            return new Verdict(service, Kind.DISAGREE, "MetalLB changed it later: first " + seen.ips() + ", at the end "
                    + seen.finalIps());
        }
        return problem == null ? new Verdict(service, Kind.AGREE, null)
                : new Verdict(service, Kind.DISAGREE, "MetalLB: " + seen + "; simulated: " + predicted);
    }

    private static Verdict randomPick(List<ServiceSpec> services, Map<String, Observed> observed, int index,
                                      SimulatorRun.Result predicted, Observed seen, SimulatorRun simulator,
                                      Map<String, String> tiers) {
        ServiceSpec service = services.get(index);
        String chosen = seen.pool();
        String tier = chosen == null ? null : tiers.get(chosen);
        if (tier == null || !tier.equals(tiers.get(predicted.pool()))) {
            return new Verdict(service, Kind.DISAGREE, "MetalLB: " + seen + ", not from a pool of the simulator's random"
                    + " pick; simulated: " + predicted);
        }
        SimulatorRun.Result inPool = simulator.simulate(index + "-in-" + chosen,
                anchored(services, observed, index, chosen)).byService().get(service.key());
        if (inPool == null || !inPool.assigned() || !inPool.ips().equals(seen.ips()) || !sameReason(seen.note(), inPool.reason())) {
            return new Verdict(service, Kind.DISAGREE, "MetalLB picked pool " + chosen + " (" + tier + ") and gave "
                    + seen.ips() + "; the simulator, told that pool, gives " + inPool);
        }
        return new Verdict(service, Kind.RANDOM_PICK, "MetalLB picked " + chosen + ", the simulator " + predicted.pool()
                + "; within " + chosen + " the simulator gives MetalLB's " + seen.ips());
    }

    /**
     * The Services for a re-simulation from MetalLB's state before Service {@code from}: the earlier ones that got IPs
     * hold them; the pending ones hold nothing and are left out; Service {@code from} and the later ones follow as
     * generated ({@code from} itself in {@code pool} when given).
     */
    private static List<Map<String, Object>> anchored(List<ServiceSpec> services, Map<String, Observed> observed, int from,
                                                      String pool) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int j = 0; j < services.size(); j++) {
            ServiceSpec s = services.get(j);
            if (j < from) {
                Observed seen = observed.get(s.key());
                if (s.handledByMetalLb() && seen.assigned()) {
                    out.add(s.holding(seen.ips()));
                }
            } else if (j == from && pool != null) {
                out.add(s.inPool(pool));
            } else {
                out.add(s.manifest());
            }
        }
        return out;
    }

    /** Equal messages, except that the users of an address are compared as a set (MetalLB lists them in map order). */
    static boolean sameReason(String metallb, String simulated) {
        if (Objects.equals(metallb, simulated)) {
            return true;
        }
        if (metallb == null || simulated == null) {
            return false;
        }
        Matcher a = IN_USE.matcher(metallb);
        Matcher b = IN_USE.matcher(simulated);
        return a.matches() && b.matches() && a.group(1).equals(b.group(1)) && users(a.group(2)).equals(users(b.group(2)));
    }

    private static Set<String> users(String list) {
        return new TreeSet<>(Arrays.asList(list.split(",")));
    }
}
