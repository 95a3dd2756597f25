package dev.lbctl.i18n;

import java.text.Format;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * The message catalog of the language chosen for this run. Every value in the catalogs is a
 * {@link MessageFormat} pattern (so a literal apostrophe is written {@code ''}), and every sentence is one
 * pattern with numbered placeholders: word order is the catalog's, never the caller's.
 *
 * <p>The language is process-wide because it is decided once per run, from the arguments and the environment,
 * before picocli builds anything (see {@code CommandLineFactory}); passing it down every call chain would touch
 * every layer for one value that never changes during a run.
 */
public final class Messages {

    /** The chosen language and its catalog, read on first use: one field, so that the two always match. */
    private record Catalog(Language language, Map<String, String> messages) {
    }

    private static volatile Catalog catalog;
    private static volatile Map<String, String> english;

    private Messages() {
    }

    /** Chooses the language for the rest of this run. */
    public static void use(Language chosen) {
        Catalog current = catalog;
        if (current == null || current.language() != chosen) {
            catalog = new Catalog(chosen, load(chosen));
        }
    }

    public static Language language() {
        return catalog().language();
    }

    private static Catalog catalog() {
        Catalog current = catalog;
        if (current == null) {
            use(Language.EN);
            current = catalog;
        }
        return current;
    }

    /** The message {@code key} with its placeholders filled; English when the chosen catalog lacks the key. */
    public static String get(String key, Object... args) {
        return format(catalog().messages(), key, args);
    }

    /**
     * The message {@code key} in English whatever the chosen language: for the human text that machine-read output
     * (JSON) carries beside a stable code, which must be the same bytes in every language.
     */
    public static String english(String key, Object... args) {
        return format(englishMessages(), key, args);
    }

    private static Map<String, String> englishMessages() {
        Catalog current = catalog();
        if (current.language() == Language.EN) {
            return current.messages();
        }
        Map<String, String> loaded = english;
        if (loaded == null) {
            loaded = load(Language.EN);
            english = loaded;
        }
        return loaded;
    }

    private static String format(Map<String, String> messages, String key, Object... args) {
        String pattern = messages.get(key);
        if (pattern == null) {
            throw new MissingResourceException("no message " + key, Messages.class.getName(), key);
        }
        MessageFormat format = new MessageFormat(pattern, Locale.ROOT);
        // A bare {0} would format a count as "1,234"; lbctl prints numbers as Java does. {0,choice,...} still gets a number.
        Format[] formats = format.getFormatsByArgumentIndex();
        Object[] values = args.clone();
        for (int i = 0; i < values.length && i < formats.length; i++) {
            if (formats[i] == null && values[i] instanceof Number) {
                values[i] = values[i].toString();
            }
        }
        return format.format(values);
    }

    /**
     * The message {@code key} when the catalogs have it, else {@code fallback}: for names that are data elsewhere
     * (verify's check names are JSON values and JUnit testcase names, so they stay English there) and are only shown
     * translated in a table.
     */
    public static String getOrDefault(String key, String fallback) {
        return catalog().messages().get(key) != null ? get(key) : fallback;
    }

    /**
     * The catalog of one language, over the English one for keys it lacks, never the JVM's locale. The build embeds
     * the catalogs (messages*.properties) as a class, so that a run neither opens the jar nor parses properties.
     */
    static Map<String, String> load(Language language) {
        Map<String, String> messages = new HashMap<>(512);
        put(messages, EmbeddedCatalogs.of(Language.EN.tag()));
        if (language != Language.EN) {
            put(messages, EmbeddedCatalogs.of(language.tag()));
        }
        return messages;
    }

    private static void put(Map<String, String> messages, String[] keysAndValues) {
        for (int i = 0; i < keysAndValues.length; i += 2) {
            messages.put(keysAndValues[i], keysAndValues[i + 1]);
        }
    }
}
