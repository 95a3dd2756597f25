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
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one line on stderr and the documented exit code. Stack traces only with --verbose: a user
 * who typed a bad pool needs the value that is wrong, not a trace.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IExitCodeExceptionMapper {

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
        if (ex instanceof CommandLine.ParameterException) {
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
        if (ex instanceof MissingParameterException missing && !missing.getMissing().isEmpty()) {
            return Optional.of(Messages.get("error.missingParameter", missing.getMissing().stream()
                    .map(a -> a instanceof OptionSpec o ? o.longestName() : a.paramLabel()).collect(Collectors.joining(", "))));
        }
        return Optional.empty();
    }
}
