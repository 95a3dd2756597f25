package dev.lbctl.install;

import dev.lbctl.i18n.Messages;
import java.util.List;

/** Preflight found problems (already printed one per line); nothing was applied. Exit code 1. */
public class PreflightFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PreflightFailedException(List<String> problems) {
        super(problems.size() == 1 ? Messages.get("preflight.failed.one", problems.get(0))
                : Messages.get("preflight.failed", problems.size()));
    }
}
