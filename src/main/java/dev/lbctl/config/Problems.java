package dev.lbctl.config;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one validation run in the order MetalLB would meet them. */
final class Problems {

    private final List<Problem> found = new ArrayList<>();

    void error(String message, String pool) {
        found.add(Problem.error(oneLine(message), pool));
    }

    void warning(String message, String pool) {
        found.add(Problem.warning(oneLine(message), pool));
    }

    List<Problem> toList() {
        return List.copyOf(found);
    }

    /** Go's errors.Join separates messages with newlines; a finding is one line, so they are joined with "; ". */
    private static String oneLine(String message) {
        return message.replace("\n", "; ");
    }
}
