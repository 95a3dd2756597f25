package dev.lbctl.kubeproxy;

import java.util.Comparator;
import java.util.List;

/** Replaces the characters {@code [start, end)} of a text; an insertion has {@code start == end}. */
record TextEdit(int start, int end, String replacement) {

    static TextEdit insert(int at, String text) {
        return new TextEdit(at, at, text);
    }

    /** Applies non-overlapping edits, last first, so that earlier offsets stay valid. */
    static String applyAll(String text, List<TextEdit> edits) {
        StringBuilder out = new StringBuilder(text);
        edits.stream()
                .sorted(Comparator.comparingInt(TextEdit::start).reversed())
                .forEach(e -> out.replace(e.start, e.end, e.replacement));
        return out.toString();
    }
}
