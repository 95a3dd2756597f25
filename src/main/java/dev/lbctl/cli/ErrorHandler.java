package dev.lbctl.cli;

import dev.lbctl.cluster.ClusterAccessException;
import dev.lbctl.cluster.ClusterTimeoutException;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.install.PreflightFailedException;
import dev.lbctl.metallb.ManifestUnavailableException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

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
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            message = Messages.get("error.unexpected", ex.getClass().getSimpleName());
        }
        message = message.strip();
        return message.endsWith(".") ? message : message + ".";
    }
}
