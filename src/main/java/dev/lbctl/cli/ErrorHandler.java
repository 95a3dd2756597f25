package dev.lbctl.cli;

import dev.lbctl.cluster.ClusterAccessException;
import dev.lbctl.cluster.ClusterTimeoutException;
import dev.lbctl.i18n.Language;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.install.PreflightFailedException;
import dev.lbctl.metallb.ManifestUnavailableException;
import dev.lbctl.report.CellWidth;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MutuallyExclusiveArgsException;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and the documented exit code. Stack traces only with --verbose: a user
 * who typed a bad pool needs the value that is wrong, not a trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

    /** picocli's wording of these errors (picocli 4); only matched to say them again in another language. */
    private static final Pattern MUTUALLY_EXCLUSIVE = Pattern.compile("Error: (.+) are mutually exclusive \\(specify only one\\)");
    private static final Pattern MISSING_IN_GROUP = Pattern.compile("Error: Missing required argument\\(s\\): (.+)");
    private static final String ONE_OF_GROUP = "Error: Missing required argument (specify one of these)";
    private static final String MISSING_VALUE = "Missing required parameter for option ";
    private static final String MISSING_SUBCOMMAND = "Missing required subcommand";
    private static final String INVALID_VALUE = "Invalid value for ";
    private static final Pattern EXPECTED_ONE_OF = Pattern.compile("expected one of \\[(.*)] \\(case-sensitive\\) but was '(.*)'");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("'(.*)' is not an? (?:int|long)");

    private final GlobalOptions global;

    ErrorHandler(GlobalOptions global) {
        this.global = global;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        err.println(Messages.get("error.line", sentence(ex)));
        if (global.verbose) {
            ex.printStackTrace(err);
        }
        err.flush();
        return getExitCode(ex);
    }

    @Override
    public int getExitCode(Throwable ex) {
        if (ex instanceof LbctlFailure failure) {
            return failure.exitCode();
        }
        if (ex instanceof InvalidInputException) {
            return ExitCode.INVALID_INPUT;
        }
        if (ex instanceof ClusterAccessException) {
            return ExitCode.CLUSTER_ACCESS;
        }
        if (ex instanceof ClusterTimeoutException) {
            return ExitCode.TIMED_OUT;
        }
        if (ex instanceof PreflightFailedException) {
            return ExitCode.CHECK_FAILED;
        }
        if (ex instanceof ManifestUnavailableException) {
            return ExitCode.INVALID_INPUT;
        }
        if (ex instanceof ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.CHECK_FAILED;
    }

    static String sentence(Throwable ex) {
        String message = translated(ex).orElse(ex.getMessage());
        if (message == null || message.isBlank()) {
            message = Messages.get("error.unexpected", ex.getClass().getSimpleName());
        }
        message = message.strip();
        if (message.endsWith(".") || message.endsWith("。")) {
            return message;
        }
        // lbctl's Japanese sentences end with a Japanese full stop; English ones (MetalLB's, picocli's) with an English one.
        return message + (CellWidth.of(message) > message.codePointCount(0, message.length()) ? "。" : ".");
    }

    /**
     * picocli words its own parse errors in English. In another language the common ones are said again from the
     * catalog; in English picocli's words stay (they also suggest corrections).
     */
    private static Optional<String> translated(Throwable ex) {
        if (Messages.language() == Language.EN) {
            return Optional.empty();
        }
        if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> args = unmatched.getUnmatched();
            return Optional.of(Messages.get(args.get(0).startsWith("-") ? "error.unknownOption" : "error.unmatchedArgument",
                    String.join(" ", args)));
        }
        String message = ex.getMessage() == null ? "" : ex.getMessage();
        Matcher groupMembers = MISSING_IN_GROUP.matcher(message);
        if (ex instanceof MissingParameterException && groupMembers.matches()) {
            // An argument group lists all its members as missing; picocli's message names only the ones not given.
            return Optional.of(Messages.get("error.missingParameter", groupMembers.group(1)));
        }
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            String names = missing.getMissing().stream().map(ErrorHandler::name).collect(Collectors.joining(", "));
            if (message.startsWith(ONE_OF_GROUP)) {
                return Optional.of(Messages.get("error.missingOneOf", names));
            }
            if (message.startsWith(MISSING_VALUE) && missing.getMissing().get(0) instanceof OptionSpec option) {
                return Optional.of(Messages.get("error.missingOptionValue", option.longestName(), option.paramLabel()));
            }
            return Optional.of(Messages.get("error.missingParameter", names));
        }
        if (ex instanceof OverwrittenOptionException overwritten) {
            return Optional.of(Messages.get("error.optionTwice", name(overwritten.getOverwritten())));
        }
        Matcher exclusive = MUTUALLY_EXCLUSIVE.matcher(message);
        if (ex instanceof MutuallyExclusiveArgsException && exclusive.matches()) {
            return Optional.of(Messages.get("error.mutuallyExclusive", exclusive.group(1)));
        }
        if (message.equals(MISSING_SUBCOMMAND) && ex instanceof ParameterException parameter) {
            return Optional.of(Messages.get("error.missingCommand", parameter.getCommandLine().getSubcommands().keySet()));
        }
        if (ex instanceof ParameterException parameter && parameter.getArgSpec() != null
                && message.startsWith(INVALID_VALUE) && message.contains(": ")) {
            // picocli says "Invalid value for <option or positional>: <the converter's reason>".
            String reason = message.substring(message.indexOf(": ") + 2);
            Matcher oneOf = EXPECTED_ONE_OF.matcher(reason);
            Matcher number = NOT_A_NUMBER.matcher(reason);
            if (oneOf.matches()) {
                reason = Messages.get("error.expectedOneOf", oneOf.group(1), oneOf.group(2));
            } else if (number.matches()) {
                reason = Messages.get("error.notAnInteger", number.group(1));
            }
            return Optional.of(Messages.get("error.invalidValue", name(parameter.getArgSpec()), reason));
        }
        return Optional.empty();
    }

    /** How picocli's errors name an option (its longest name) or a positional parameter (its label). */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec option ? option.longestName() : arg.paramLabel();
    }
}
