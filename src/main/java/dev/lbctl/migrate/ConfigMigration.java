package dev.lbctl.migrate;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.ConfigValidator.BgpMode;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.Problem;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Progress;
import java.util.List;

/**
 * {@code lbctl config migrate} without the command line: refuse what cannot be converted, convert as configmaptocrs
 * does, and read the result back through lbctl's own CRD reader and validator before anyone applies it.
 *
 * <p>The legacy configuration is checked with MetalLB v0.12.1's rules, in native BGP mode, or in FRR mode when only
 * FRR accepts it (BFD profiles, keepalive-time, IPv6 in BGP pools); the converted resources are then checked with
 * v0.16.1's rules in the same mode.
 */
public final class ConfigMigration {

    public enum Format { YAML, JSON }

    public static final MetalLbVersion SOURCE_RELEASE = MetalLbConfig.LAST_CONFIGMAP_RELEASE;
    public static final MetalLbVersion TARGET_RELEASE = MetalLbVersion.LATEST;

    private ConfigMigration() {
    }

    /**
     * The converted resources as text. Findings go to {@code progress} (warnings, and the errors behind a refusal);
     * every refusal is an {@link InvalidInputException}.
     *
     * @param source how messages name the input, e.g. the file or {@code ConfigMap metallb-system/config}
     */
    public static String run(MetalLbConfig config, String source, Format format, Progress progress) {
        if (config.style() != ConfigStyle.LEGACY_CONFIGMAP) {
            throw new InvalidInputException(Messages.get("migrate.notLegacy", source));
        }
        BgpMode mode = checkInput(config, source, progress);
        ConfigMapConverter.Conversion conversion = ConfigMapConverter.convert(config);
        conversion.renames().forEach(progress::warn);
        String text = format == Format.JSON ? ResourceText.json(conversion.resources()) : ResourceText.yaml(conversion.resources());
        if (conversion.resources().isEmpty()) {
            progress.warn(Messages.get("migrate.nothingToCreate", source));
            return text;
        }
        checkOutput(text, mode, progress);
        return text;
    }

    private static BgpMode checkInput(MetalLbConfig config, String source, Progress progress) {
        List<Problem> problems = ConfigValidator.validate(config, SOURCE_RELEASE, BgpMode.NATIVE);
        BgpMode mode = BgpMode.NATIVE;
        if (!errors(problems).isEmpty()) {
            List<Problem> frr = ConfigValidator.validate(config, SOURCE_RELEASE, BgpMode.FRR);
            if (errors(frr).size() < errors(problems).size()) {
                problems = frr;
                mode = BgpMode.FRR;
            }
        }
        problems.stream().filter(p -> !p.isError()).forEach(p -> progress.warn(p.describe()));
        List<Problem> errors = errors(problems);
        if (!errors.isEmpty()) {
            errors.forEach(p -> progress.info(Messages.get("problem.error", p.describe())));
            throw new InvalidInputException(Messages.get("migrate.invalidInput", source, SOURCE_RELEASE,
                    mode == BgpMode.FRR ? Messages.get("migrate.frrMode") : "", withoutPeriod(errors.get(0).describe()), more(errors)));
        }
        if (mode == BgpMode.FRR) {
            progress.warn(Messages.get("migrate.needsFrr", source));
        }
        return mode;
    }

    /** The converted text read back as a user's file would be, and validated for the target release. */
    private static void checkOutput(String text, BgpMode mode, Progress progress) {
        String what = Messages.get("migrate.converted");
        List<Problem> errors;
        try {
            errors = errors(ConfigValidator.validate(ConfigFiles.read(text, what), TARGET_RELEASE, mode));
        } catch (InvalidInputException e) {
            errors = List.of(Problem.inputError(e.getMessage()));
        }
        if (!errors.isEmpty()) {
            errors.forEach(p -> progress.info(Messages.get("problem.error", p.describe())));
            throw new InvalidInputException(Messages.get("migrate.invalidOutput", what, TARGET_RELEASE,
                    withoutPeriod(errors.get(0).describe()), more(errors)));
        }
    }

    private static List<Problem> errors(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).toList();
    }

    private static String withoutPeriod(String message) {
        return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }

    private static String more(List<Problem> errors) {
        return errors.size() == 1 ? "" : Messages.get("migrate.more", errors.size() - 1);
    }
}
