package dev.lbctl.it.validation;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.Problem;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.MetalLbVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * lbctl's verdict on one file against MetalLB's. They agree when both accept, or when both refuse and lbctl's first
 * error is MetalLB's error. Normalisation, and why:
 * <ul>
 *   <li>MetalLB's multi-line messages (errors.Join) are one line in lbctl, the lines joined by {@code "; "}, because
 *       lbctl prints one problem per line.</li>
 * </ul>
 */
public record ValidationComparison(Path file, Outcome outcome, String metallb, String lbctl) {

    public enum Outcome {
        BOTH_ACCEPT(true), SAME_ERROR(true), ONLY_METALLB_REFUSES(false), ONLY_LBCTL_REFUSES(false), OTHER_ERROR(false);

        private final boolean agrees;

        Outcome(boolean agrees) {
            this.agrees = agrees;
        }

        public boolean agrees() {
            return agrees;
        }
    }

    public static ValidationComparison of(Path file, String release, boolean metallbValid, String metallbError) {
        Optional<String> lbctl = firstError(file, release);
        String expected = metallbValid ? null : normalise(metallbError);
        Outcome outcome;
        if (metallbValid) {
            outcome = lbctl.isEmpty() ? Outcome.BOTH_ACCEPT : Outcome.ONLY_LBCTL_REFUSES;
        } else if (lbctl.isEmpty()) {
            outcome = Outcome.ONLY_METALLB_REFUSES;
        } else {
            outcome = lbctl.get().equals(expected) ? Outcome.SAME_ERROR : Outcome.OTHER_ERROR;
        }
        return new ValidationComparison(file, outcome, expected, lbctl.orElse(null));
    }

    /** lbctl's first error for the file, as {@code pool validate --metallb-version RELEASE} would report it. */
    static Optional<String> firstError(Path file, String release) {
        try {
            var config = ConfigFiles.read(List.of(file));
            return ConfigValidator.validate(config, MetalLbVersion.parse(release)).stream()
                    .filter(Problem::isError).map(Problem::message).findFirst();
        } catch (InvalidInputException e) {
            return Optional.of("READ-ERROR " + e.getMessage());
        } catch (dev.lbctl.pool.InvalidAddressException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String normalise(String metallbError) {
        return metallbError.replace("\n", "; ");
    }

    @Override
    public String toString() {
        return file.getFileName() + " " + outcome + (outcome == Outcome.BOTH_ACCEPT ? ""
                : "\n  metallb: " + metallb + "\n  lbctl:   " + lbctl);
    }
}
