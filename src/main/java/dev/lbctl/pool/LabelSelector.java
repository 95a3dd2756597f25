package dev.lbctl.pool;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes label selector ({@code matchLabels} and {@code matchExpressions}), evaluated the way
 * {@code metav1.LabelSelectorAsSelector} does. An empty selector matches everything.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public enum Operator { In, NotIn, Exists, DoesNotExist }

    /**
     * One {@code matchExpressions} entry. {@code operator} is null when {@code operatorText} names no operator: such a
     * selector is refused by Kubernetes' (and MetalLB's) conversion, and its text is kept for their messages.
     */
    public record Requirement(String key, Operator operator, List<String> values, String operatorText) {

        public Requirement(String key, Operator operator, List<String> values) {
            this(key, operator, values, operator.name());
        }

        /** A requirement whose operator is not one Kubernetes knows. */
        public static Requirement unknownOperator(String key, String operatorText, List<String> values) {
            return new Requirement(key, null, values, operatorText);
        }

        boolean matches(Map<String, String> labels) {
            if (operator == null) {
                return false;
            }
            return switch (operator) {
                case In -> labels.containsKey(key) && values.contains(labels.get(key));
                case NotIn -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case Exists -> labels.containsKey(key);
                case DoesNotExist -> !labels.containsKey(key);
            };
        }
    }

    public LabelSelector {
        matchLabels = Map.copyOf(matchLabels);
        matchExpressions = List.copyOf(matchExpressions);
    }

    public static LabelSelector everything() {
        return new LabelSelector(Map.of(), List.of());
    }

    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return matchExpressions.stream().allMatch(r -> r.matches(labels));
    }

    /** A stable text used to detect duplicate selectors, like MetalLB's {@code %q} of the selector string. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(matchLabels).forEach((k, v) -> sb.append(sb.length() > 0 ? "," : "").append(k).append('=').append(v));
        for (Requirement r : matchExpressions) {
            sb.append(sb.length() > 0 ? "," : "").append(r.key()).append(' ').append(r.operatorText()).append(' ').append(r.values());
        }
        return sb.toString();
    }
}
