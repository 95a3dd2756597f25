package dev.lbctl.services;

import dev.lbctl.i18n.Messages;
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

    /** {@code path} is not what the API server accepts; {@code expected} names the catalog's noun for it. */
    InvalidInputException invalid(String path, String expected, Object value) {
        return invalidAs(path, Messages.get("services.expected." + expected), value);
    }

    private InvalidInputException invalidAs(String path, String expected, Object value) {
        return problem(Messages.get("services.invalid", path, expected, show(value)));
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
        throw invalid(path, "mapping", value);
    }

    List<?> list(Map<?, ?> parent, String key, String path) {
        Object value = parent.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw invalid(path, "list", value);
    }

    Optional<String> string(Map<?, ?> parent, String key, String path) {
        Object value = parent.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String s) {
            return Optional.of(s);
        }
        throw invalid(path, "string", value);
    }

    /** A string restricted to the values the API server accepts; empty when unset. */
    Optional<String> oneOf(Map<?, ?> parent, String key, String path, Set<String> allowed) {
        Optional<String> value = string(parent, key, path);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw invalidAs(path, Messages.get("services.expected.oneOf", String.join(", ", allowed.stream().sorted().toList())),
                    value.get());
        }
        return value;
    }

    /** A {@code map[string]string} such as labels, annotations or a selector. */
    Map<String, String> stringMap(Map<?, ?> parent, String key, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        map(parent, key, path).forEach((k, v) -> {
            if (!(k instanceof String name)) {
                throw invalid(Messages.get("services.key", path), "string", k);
            }
            if (!(v instanceof String text)) {
                throw invalid(path + "[" + GoQuote.q(name) + "]", "quotedString", v);
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
            return Messages.get("services.expected.mapping");
        }
        if (value instanceof List<?>) {
            return Messages.get("services.expected.list");
        }
        return String.valueOf(value);
    }
}
