package dev.lbctl.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading fields of objects in their map form without a cast at every step; absent fields read as empty. */
public final class Fields {

    private Fields() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> object, String key) {
        Object v = object == null ? null : object.get(key);
        return v instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, Object> object, String key) {
        Object v = object == null ? null : object.get(key);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    public static String string(Map<String, Object> object, String key) {
        Object v = object == null ? null : object.get(key);
        return v == null ? null : v.toString();
    }

    public static long number(Map<String, Object> object, String key) {
        Object v = object == null ? null : object.get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    /** {@code metadata.name}. */
    public static String name(Map<String, Object> object) {
        return string(map(object, "metadata"), "name");
    }

    /** {@code metadata.namespace}. */
    public static String namespace(Map<String, Object> object) {
        return string(map(object, "metadata"), "namespace");
    }

    /**
     * The object as a user would write it (identity, labels, annotations and the named sections), without what the
     * server adds (managedFields, uid, status unless named), so that lbctl's file readers take it like a file.
     */
    public static Map<String, Object> asWritten(Map<String, Object> object, String... sections) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        Map<String, Object> live = map(object, "metadata");
        for (String key : List.of("name", "namespace", "labels", "annotations")) {
            if (live.get(key) != null) {
                metadata.put(key, live.get(key));
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("apiVersion", object.get("apiVersion"));
        doc.put("kind", object.get("kind"));
        doc.put("metadata", metadata);
        for (String section : sections) {
            if (object.get(section) != null) {
                doc.put(section, object.get(section));
            }
        }
        return doc;
    }
}
