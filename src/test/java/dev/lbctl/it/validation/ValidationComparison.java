package dev.lbctl.it.validation;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.ConfigValidator.BgpMode;
import dev.lbctl.config.Problem;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.MetalLbVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * lbctl's verdict on one file against MetalLB's. They agree when both accept, or when both refuse and lbctl's first
 * error is MetalLB's error, byte for byte. Normalisation, and why:
 * <ul>
 *   <li>Where MetalLB ranges over a Go map (all pools for an advertisement, pools picked by a selector, matchLabels,
 *       ConfigMap communities), which error it meets first is random: the oracle runs each file several times, and
 *       lbctl's error must be one of those MetalLB gave.</li>
 *   <li>Where MetalLB's code panics (an index out of range on a pool whose range summarizes to nothing, when two
 *       BGPAdvertisements' local preferences are compared), its reconciler recovers and loads no configuration: any
 *       refusal by lbctl agrees.</li>
 *   <li>lbctl's own refusals ({@link Problem.Source#LBCTL}, e.g. a range whose ends are of different families, which
 *       MetalLB accepts and summarizes to no address) are not MetalLB's verdict: only MetalLB's refusals count.</li>
 * </ul>
 */
public record ValidationComparison(Path file, Outcome outcome, String metallb, String lbctl) {

    public enum Outcome {
        BOTH_ACCEPT(true), SAME_ERROR(true), METALLB_PANICS_LBCTL_REFUSES(true),
        ONLY_METALLB_REFUSES(false), ONLY_LBCTL_REFUSES(false), OTHER_ERROR(false);

        private final boolean agrees;

        Outcome(boolean agrees) {
            this.agrees = agrees;
        }

        public boolean agrees() {
            return agrees;
        }
    }

    /**
     * @param refusedBy which of lbctl's errors the MetalLB component compared refuses too: {@link Problem#refusedByMetalLb}
     *                  for a controller and speakers of {@code mode}, {@link Problem#refusedByController} for v0.12's
     *                  controller, which skips the BGP implementation's checks
     */
    public static ValidationComparison of(Path file, String release, BgpMode mode, Predicate<Problem> refusedBy,
            boolean metallbValid, List<String> metallbErrors) {
        List<Problem> problems = validate(file, release, mode);
        Optional<String> lbctl = problems.stream().filter(refusedBy).map(Problem::message).findFirst();
        String expected = metallbValid ? null : String.join(" | ", metallbErrors);
        Outcome outcome;
        if (!metallbErrors.isEmpty() && metallbErrors.stream().allMatch(e -> e.startsWith("panic: "))) {
            // MetalLB crashes on it (its reconciler recovers and loads nothing): any refusal by lbctl agrees.
            outcome = problems.stream().anyMatch(Problem::isError) ? Outcome.METALLB_PANICS_LBCTL_REFUSES
                    : Outcome.ONLY_METALLB_REFUSES;
            lbctl = problems.stream().filter(Problem::isError).map(Problem::message).findFirst();
        } else if (metallbValid) {
            outcome = lbctl.isEmpty() ? Outcome.BOTH_ACCEPT : Outcome.ONLY_LBCTL_REFUSES;
        } else if (lbctl.isEmpty()) {
            outcome = Outcome.ONLY_METALLB_REFUSES;
        } else {
            outcome = metallbErrors.contains(lbctl.get()) ? Outcome.SAME_ERROR : Outcome.OTHER_ERROR;
        }
        return new ValidationComparison(file, outcome, expected, lbctl.orElse(null));
    }

    /** lbctl's problems for the file, as {@code pool validate} reports them for that release and mode. */
    static List<Problem> validate(Path file, String release, BgpMode mode) {
        try {
            var config = ConfigFiles.read(List.of(file));
            return ConfigValidator.validate(config, MetalLbVersion.parse(release), mode);
        } catch (InvalidInputException e) {
            return List.of(Problem.error("READ-ERROR " + e.getMessage(), null));
        } catch (dev.lbctl.pool.InvalidAddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public String toString() {
        return file.getFileName() + " " + outcome + (outcome == Outcome.BOTH_ACCEPT ? ""
                : "\n  metallb: " + metallb + "\n  lbctl:   " + lbctl);
    }
}
