package dev.lbctl.config;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.LabelSelector.Requirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * MetalLB's {@code validateLabelSelectorDuplicate}: within one list of selectors, no two selectors may be equal (match
 * expression values compared sorted) and no selector may repeat an expression or an expression value. Messages print
 * selectors the way Go's {@code %q} prints a {@code metav1.LabelSelector} value, e.g. {@code {map["app":"web"] []}}.
 */
final class GoSelectors {

    private GoSelectors() {
    }

    /** The first duplicate MetalLB would report for {@code selectors} (called {@code field} in messages), or null. */
    static String firstDuplicate(List<LabelSelector> selectors, String field) {
        for (int i = 0; i < selectors.size(); i++) {
            String inner = firstDuplicateExpression(selectors.get(i).matchExpressions());
            if (inner != null) {
                return inner;
            }
            for (int j = i + 1; j < selectors.size(); j++) {
                if (canonical(selectors.get(i)).equals(canonical(selectors.get(j)))) {
                    return "duplicate definition of " + field + " " + quoted(sortedValues(selectors.get(i)));
                }
            }
        }
        return null;
    }

    /** MetalLB's {@code validateDuplicate} over a string list. */
    static String firstDuplicateString(List<String> values, String field) {
        for (int i = 0; i < values.size(); i++) {
            for (int j = i + 1; j < values.size(); j++) {
                if (values.get(i).equals(values.get(j))) {
                    return "duplicate definition of " + field + " " + GoQuote.q(values.get(i));
                }
            }
        }
        return null;
    }

    private static String firstDuplicateExpression(List<Requirement> expressions) {
        for (int i = 0; i < expressions.size(); i++) {
            String value = firstDuplicateString(sorted(expressions.get(i).values()), "match expression value in label selector");
            if (value != null) {
                return value;
            }
            for (int j = i + 1; j < expressions.size(); j++) {
                if (canonical(expressions.get(i)).equals(canonical(expressions.get(j)))) {
                    return "duplicate definition of match expressions " + quoted(sorted(expressions.get(i)));
                }
            }
        }
        return null;
    }

    private static String canonical(LabelSelector s) {
        return new TreeMap<>(s.matchLabels()) + "|" + s.matchExpressions().stream().map(GoSelectors::canonical).toList();
    }

    private static String canonical(Requirement r) {
        return r.key() + "|" + r.operatorText() + "|" + sorted(r.values());
    }

    private static List<String> sorted(List<String> values) {
        List<String> copy = new ArrayList<>(values);
        copy.sort(null);
        return copy;
    }

    private static Requirement sorted(Requirement r) {
        return new Requirement(r.key(), r.operator(), sorted(r.values()), r.operatorText());
    }

    /** MetalLB sorts expression values in place before it reports, so its message shows them sorted. */
    private static LabelSelector sortedValues(LabelSelector s) {
        return new LabelSelector(s.matchLabels(), s.matchExpressions().stream().map(GoSelectors::sorted).toList());
    }

    /** Go's {@code %q} of a {@code metav1.LabelSelector} value: struct fields in order, map keys sorted. */
    static String quoted(LabelSelector s) {
        StringBuilder sb = new StringBuilder("{map[");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(s.matchLabels()).entrySet()) {
            sb.append(first ? "" : " ").append(GoQuote.q(e.getKey())).append(':').append(GoQuote.q(e.getValue()));
            first = false;
        }
        sb.append("] [");
        first = true;
        for (Requirement r : s.matchExpressions()) {
            sb.append(first ? "" : " ").append(quoted(r));
            first = false;
        }
        return sb.append("]}").toString();
    }

    private static String quoted(Requirement r) {
        StringBuilder sb = new StringBuilder("{").append(GoQuote.q(r.key())).append(' ').append(GoQuote.q(r.operatorText())).append(" [");
        for (int i = 0; i < r.values().size(); i++) {
            sb.append(i == 0 ? "" : " ").append(GoQuote.q(r.values().get(i)));
        }
        return sb.append("]}").toString();
    }
}
