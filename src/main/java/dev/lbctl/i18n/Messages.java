package dev.lbctl.i18n;

import java.text.Format;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

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

    static final String BUNDLE = "dev.lbctl.i18n.messages";

    private static volatile Language language = Language.EN;
    private static final ResourceBundle ENGLISH = load(Language.EN);
    private static volatile ResourceBundle bundle = ENGLISH;

    private Messages() {
    }

    /** Chooses the language for the rest of this run. */
    public static void use(Language chosen) {
        bundle = load(chosen);
        language = chosen;
    }

    public static Language language() {
        return language;
    }

    /** The message {@code key} with its placeholders filled; English when the chosen catalog lacks the key. */
    public static String get(String key, Object... args) {
        return format(bundle, key, args);
    }

    /**
     * The message {@code key} in English whatever the chosen language: for the human text that machine-read output
     * (JSON) carries beside a stable code, which must be the same bytes in every language.
     */
    public static String english(String key, Object... args) {
        return format(ENGLISH, key, args);
    }

    private static String format(ResourceBundle bundle, String key, Object... args) {
        MessageFormat format = new MessageFormat(bundle.getString(key), Locale.ROOT);
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
        return bundle.containsKey(key) ? get(key) : fallback;
    }

    /** The catalog of one language, falling back to the English base for keys it lacks, never to the JVM's locale. */
    static ResourceBundle load(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
