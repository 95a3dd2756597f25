package dev.lbctl.config;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.LabelSelector.Requirement;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Kubernetes' own rules for a label selector ({@code metav1.LabelSelectorAsSelector}, apimachinery v0.34), with its
 * error text, and the two ways MetalLB prints a selector in the message around it: Go's {@code %v} of the value
 * ({@code {map[zone:a] [{key Exists []}]}}) and of a pointer, which is the generated {@code String()}
 * ({@code &LabelSelector{MatchLabels:map[string]string{zone: a,},...}}).
 */
final class KubeSelectorRules {

    private static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile("(" + QUALIFIED_NAME_FMT + ")?");
    private static final String QUALIFIED_NAME_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must"
            + " start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for"
            + " validation is '" + QUALIFIED_NAME_FMT + "')";
    private static final String DNS1123_SUBDOMAIN_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*";
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);

    /** Any ConfigMap release: all of them used apimachinery before v0.21. */
    private static final MetalLbVersion LEGACY = MetalLbVersion.of(0, 12, 1);

    private KubeSelectorRules() {
    }

    /**
     * The error {@code LabelSelectorAsSelector} returns for the selector, or null if it is valid. matchLabels are
     * checked before matchExpressions; Go ranges over matchLabels in random order, here in key order (the
     * differential test accepts any order MetalLB can produce).
     */
    static String error(LabelSelector selector, MetalLbVersion version) {
        for (Map.Entry<String, String> e : new TreeMap<>(selector.matchLabels()).entrySet()) {
            List<String> errors = new ArrayList<>();
            addIfPresent(errors, keyError(e.getKey()));
            addIfPresent(errors, valueError(e.getKey(), e.getValue(), 0));
            if (!errors.isEmpty()) {
                return aggregate(errors);
            }
        }
        for (Requirement r : selector.matchExpressions()) {
            if (r.operator() == null) {
                return unknownOperator(r, version);
            }
            List<String> errors = new ArrayList<>();
            addIfPresent(errors, keyError(r.key()));
            // apimachinery copies the values into a nil slice, so no values marshal as null.
            String values = r.values().isEmpty() ? "null" : jsonArray(r.values());
            switch (r.operator()) {
                case In, NotIn -> {
                    if (r.values().isEmpty()) {
                        errors.add("values: Invalid value: " + values + ": for 'in', 'notin' operators, values set can't be empty");
                    }
                }
                case Exists, DoesNotExist -> {
                    if (!r.values().isEmpty()) {
                        errors.add("values: Invalid value: " + values + ": values set must be empty for exists and does not exist");
                    }
                }
            }
            for (int i = 0; i < r.values().size(); i++) {
                addIfPresent(errors, valueError(r.key(), r.values().get(i), i));
            }
            if (!errors.isEmpty()) {
                return aggregate(errors);
            }
        }
        return null;
    }

    /**
     * MetalLB's {@code filterWithLabelSelector} (node and pool selectors): the first selector Kubernetes refuses, as
     * its error joined with {@code invalid label selector %v}, or null.
     */
    static String filterError(List<LabelSelector> selectors, MetalLbVersion version) {
        for (LabelSelector s : selectors) {
            String error = error(s, version);
            if (error != null) {
                return error + "\ninvalid label selector " + value(s);
            }
        }
        return null;
    }

    /**
     * Whether node selectors select the node lbctl assumes offline, where MetalLB checks against the cluster's nodes:
     * one node without labels. No selector selects every node; otherwise one must match an empty label set.
     */
    static boolean selectsAssumedNode(List<LabelSelector> nodeSelectors) {
        return nodeSelectors.isEmpty() || nodeSelectors.stream().anyMatch(s -> s.matches(Map.of()));
    }

    /** Go's {@code %v} of a metav1.LabelSelector value. */
    static String value(LabelSelector s) {
        StringBuilder sb = new StringBuilder("{map[");
        boolean first = true;
        for (Map.Entry<String, String> e : new TreeMap<>(s.matchLabels()).entrySet()) {
            sb.append(first ? "" : " ").append(e.getKey()).append(':').append(e.getValue());
            first = false;
        }
        sb.append("] [");
        first = true;
        for (Requirement r : s.matchExpressions()) {
            sb.append(first ? "" : " ").append('{').append(r.key()).append(' ').append(r.operatorText()).append(' ')
                    .append(goList(r.values())).append('}');
            first = false;
        }
        return sb.append("]}").toString();
    }

    /** Go's {@code %v} of a *metav1.LabelSelector: its generated String(). */
    static String pointer(LabelSelector s) {
        StringBuilder sb = new StringBuilder("&LabelSelector{MatchLabels:map[string]string{");
        new TreeMap<>(s.matchLabels()).forEach((k, v) -> sb.append(k).append(": ").append(v).append(','));
        sb.append("},MatchExpressions:[]LabelSelectorRequirement{");
        for (Requirement r : s.matchExpressions()) {
            sb.append("LabelSelectorRequirement{Key:").append(r.key()).append(",Operator:").append(r.operatorText())
                    .append(",Values:").append(goList(r.values())).append(",},");
        }
        return sb.append("},}").toString();
    }

    /**
     * The operator switch of {@code LabelSelectorAsSelector}, which comes before the key's checks. apimachinery said
     * "pod selector" until v0.26, which MetalLB took in v0.13.8.
     */
    private static String unknownOperator(Requirement r, MetalLbVersion version) {
        return GoQuote.q(r.operatorText()) + " is not a valid " + (version.atLeast(0, 13, 8) ? "label" : "pod") + " selector operator";
    }

    /** {@code validation.IsQualifiedName}, as a field error on {@code key}. */
    private static String keyError(String key) {
        List<String> errs = qualifiedNameErrors(key);
        return errs.isEmpty() ? null : "key: Invalid value: " + GoQuote.q(key) + ": " + String.join("; ", errs);
    }

    /** {@code validation.IsValidLabelValue}, as a field error on {@code values[i][key]}. */
    private static String valueError(String key, String value, int index) {
        List<String> errs = labelValueErrors(value);
        return errs.isEmpty() ? null
                : "values[" + index + "][" + key + "]: Invalid value: " + GoQuote.q(value) + ": " + String.join("; ", errs);
    }

    /**
     * The error of {@code LabelSelectorAsSelector} in apimachinery before v0.21 (MetalLB's ConfigMap releases): the
     * first problem only, in its own words. {@code matchLabels} in key order, as in {@link #error}.
     */
    static String legacyError(LabelSelector selector) {
        for (Map.Entry<String, String> e : new TreeMap<>(selector.matchLabels()).entrySet()) {
            String error = legacyRequirementError(e.getKey(), null, List.of(e.getValue()));
            if (error != null) {
                return error;
            }
        }
        for (Requirement r : selector.matchExpressions()) {
            if (r.operator() == null) {
                return unknownOperator(r, LEGACY);
            }
            String error = legacyRequirementError(r.key(), r.operator(), r.values());
            if (error != null) {
                return error;
            }
        }
        return null;
    }

    /** {@code labels.NewRequirement} before v0.21; a null operator is matchLabels' Equals. */
    private static String legacyRequirementError(String key, LabelSelector.Operator operator, List<String> values) {
        List<String> keyErrors = qualifiedNameErrors(key);
        if (!keyErrors.isEmpty()) {
            return "invalid label key " + GoQuote.q(key) + ": " + String.join("; ", keyErrors);
        }
        if ((operator == LabelSelector.Operator.In || operator == LabelSelector.Operator.NotIn) && values.isEmpty()) {
            return "for 'in', 'notin' operators, values set can't be empty";
        }
        if ((operator == LabelSelector.Operator.Exists || operator == LabelSelector.Operator.DoesNotExist) && !values.isEmpty()) {
            return "values set must be empty for exists and does not exist";
        }
        for (String value : values) {
            List<String> errs = labelValueErrors(value);
            if (!errs.isEmpty()) {
                return "invalid label value: " + GoQuote.q(value) + ": at key: " + GoQuote.q(key) + ": " + String.join("; ", errs);
            }
        }
        return null;
    }

    private static List<String> qualifiedNameErrors(String key) {
        List<String> errs = new ArrayList<>();
        String[] parts = key.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                errs.add("prefix part must be non-empty");
            } else {
                if (prefix.length() > 253) {
                    errs.add("prefix part must be no more than 253 characters");
                }
                if (!DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
                    errs.add("prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters,"
                            + " '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex"
                            + " used for validation is '" + DNS1123_SUBDOMAIN_FMT + "')");
                }
            }
        } else {
            return List.of("a qualified name " + QUALIFIED_NAME_MSG
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
        }
        if (name.isEmpty()) {
            errs.add("name part must be non-empty");
        } else if (name.length() > 63) {
            errs.add("name part must be no more than 63 characters");
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            errs.add("name part " + QUALIFIED_NAME_MSG);
        }
        return errs;
    }

    private static List<String> labelValueErrors(String value) {
        List<String> errs = new ArrayList<>();
        if (value.length() > 63) {
            errs.add("must be no more than 63 characters");
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errs.add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and"
                    + " must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345',"
                    + " regex used for validation is '(" + QUALIFIED_NAME_FMT + ")?')");
        }
        return errs;
    }

    /** {@code utilerrors.NewAggregate(...).Error()}: one error as is, several (distinct) in brackets. */
    private static String aggregate(List<String> errors) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(errors));
        return distinct.size() == 1 ? distinct.get(0) : "[" + String.join(", ", distinct) + "]";
    }

    private static String jsonArray(List<String> values) {
        return "[" + String.join(",", values.stream().map(GoQuote::q).toList()) + "]";
    }

    private static String goList(List<String> values) {
        return "[" + String.join(" ", values) + "]";
    }

    private static void addIfPresent(List<String> errors, String error) {
        if (error != null) {
            errors.add(error);
        }
    }
}
