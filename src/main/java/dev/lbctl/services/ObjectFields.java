package dev.lbctl.services;

import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.GoQuote;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed access to one parsed Kubernetes object. Every wrong type or value becomes an {@link InvalidInputException}
 * whose sentence names the object ({@code where}), the field path and the value found.
 */
final class ObjectFields {

    private final String where;

    ObjectFields(String where) {
        this.where = where;
    }

    InvalidInputException invalid(String path, String expected, Object value) {
        return problem(path + " must be " + expected + ", not " + show(value) + ".");
    }

    /** A problem stated by the caller; {@code detail} completes the sentence after the object's name. */
    InvalidInputException problem(String detail) {
        return new InvalidInputException(where + ": " + detail);
    }

    Map<?, ?> map(Map<?, ?> parent, String key, String path) {
        Object value = parent.get(key);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw invalid(path, "a mapping", value);
    }

    List<?> list(Map<?, ?> parent, String key, String path) {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw invalid(path, "a list", value);
    }

    Optional<String> string(Map<?, ?> parent, String key, String path) {
        Object value = parent.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw invalid(path, "a string", value);
    }

    /** A string restricted to the values the API server accepts; empty when unset. */
    Optional<String> oneOf(Map<?, ?> parent, String key, String path, Set<String> allowed) {
        Optional<String> value = string(parent, key, path);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw invalid(path, "one of " + String.join(", ", allowed.stream().sorted().toList()), value.get());
        }
        return value;
    }

    /** A {@code map[string]string} such as labels, annotations or a selector. */
    Map<String, String> stringMap(Map<?, ?> parent, String key, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        map(parent, key, path).forEach((k, v) -> {
            if (!(k instanceof String name)) {
                throw invalid(path + " key", "a string", k);
            }
            if (!(v instanceof String text)) {
                throw invalid(path + "[" + GoQuote.q(name) + "]", "a string (quote it in YAML)", v);
            }
            out.put(name, text);
        });
        return out;
    }

    List<String> stringList(Map<?, ?> parent, String key, String path) {
        List<?> items = list(parent, key, path);
        List<String> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s)) {
                throw invalid(path + "[" + i + "]", "a string", items.get(i));
            }
            out.add(s);
        }
        return out;
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            return GoQuote.q(s);
        }
        if (value instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(value);
    }
}
