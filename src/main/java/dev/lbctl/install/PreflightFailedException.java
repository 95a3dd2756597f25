package dev.lbctl.install;

import java.util.List;

/** Preflight found problems (already printed one per line); nothing was applied. Exit code 1. */
public class PreflightFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PreflightFailedException(List<String> problems) {
        super("preflight found " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + " (listed above); nothing was applied" + (problems.size() == 1 ? ": " + problems.get(0) : ""));
    }
}
