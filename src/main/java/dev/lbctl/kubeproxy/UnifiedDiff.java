package dev.lbctl.kubeproxy;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff with three lines of context, as {@code diff -u} (and so {@code kubectl diff}) prints it. Line
 * terminators are not printed (a CRLF line shows without its CR); a last line without one is marked
 * {@code \ No newline at end of file}. The longest-common-subsequence table is quadratic, which suits
 * configuration texts of a few hundred lines.
 */
public final class UnifiedDiff {

    private static final int CONTEXT = 3;
    private static final String NO_NEWLINE = "\\ No newline at end of file";

    private enum Kind { SAME, REMOVED, ADDED }

    /** One line of the diff; {@code oldIndex}/{@code newIndex} are where the edit script stands in each text. */
    private record Op(Kind kind, String line, int oldIndex, int newIndex) {
    }

    private UnifiedDiff() {
    }

    /** The diff, or "" when the texts are equal. */
    public static String of(String oldText, String newText, String oldLabel, String newLabel) {
        List<Op> ops = editScript(lines(oldText), lines(newText));
        StringBuilder out = new StringBuilder();
        int i = 0;
        while ((i = nextChange(ops, i)) < ops.size()) {
            if (out.isEmpty()) {
                out.append("--- ").append(oldLabel).append('\n').append("+++ ").append(newLabel).append('\n');
            }
            int from = Math.max(0, i - CONTEXT);
            int to = hunkEnd(ops, i);
            appendHunk(out, ops.subList(from, to));
            i = to;
        }
        return out.toString();
    }

    /** Lines with their terminators, so that a missing final newline counts as a difference, as in diff. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    private static List<Op> editScript(List<String> a, List<String> b) {
        int[][] common = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                common[i][j] = a.get(i).equals(b.get(j)) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                ops.add(new Op(Kind.SAME, a.get(i), i++, j++));
            } else if (j == b.size() || i < a.size() && common[i + 1][j] >= common[i][j + 1]) {
                // Removals before additions, as diff prints a changed line.
                ops.add(new Op(Kind.REMOVED, a.get(i), i++, j));
            } else {
                ops.add(new Op(Kind.ADDED, b.get(j), i, j++));
            }
        }
        return ops;
    }

    private static int nextChange(List<Op> ops, int from) {
        int i = from;
        while (i < ops.size() && ops.get(i).kind() == Kind.SAME) {
            i++;
        }
        return i;
    }

    /** Changes separated by at most twice the context share one hunk, as in diff. */
    private static int hunkEnd(List<Op> ops, int firstChange) {
        int lastChange = firstChange;
        int next;
        while ((next = nextChange(ops, lastChange + 1)) < ops.size() && next - lastChange - 1 <= 2 * CONTEXT) {
            lastChange = next;
        }
        return Math.min(ops.size(), lastChange + 1 + CONTEXT);
    }

    private static void appendHunk(StringBuilder out, List<Op> hunk) {
        Op first = hunk.get(0);
        int oldCount = (int) hunk.stream().filter(op -> op.kind() != Kind.ADDED).count();
        int newCount = (int) hunk.stream().filter(op -> op.kind() != Kind.REMOVED).count();
        out.append("@@ -").append(range(first.oldIndex(), oldCount))
                .append(" +").append(range(first.newIndex(), newCount)).append(" @@\n");
        for (Op op : hunk) {
            char prefix = switch (op.kind()) {
                case SAME -> ' ';
                case REMOVED -> '-';
                case ADDED -> '+';
            };
            String line = op.line();
            boolean terminated = line.endsWith("\n");
            out.append(prefix).append(terminated ? line.substring(0, line.length() - 1).replaceFirst("\r$", "") : line).append('\n');
            if (!terminated) {
                out.append(NO_NEWLINE).append('\n');
            }
        }
    }

    /** diff's "start,count": an empty range names the line before it, a single line omits the count. */
    private static String range(int index, int count) {
        if (count == 0) {
            return index + ",0";
        }
        return count == 1 ? String.valueOf(index + 1) : (index + 1) + "," + count;
    }
}
