package dev.lbctl.i18n;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * The picocli resource bundle that translates {@code --help}. English help is the commands' annotations themselves,
 * so only other languages have a bundle; picocli falls back to the annotation for any key a bundle lacks.
 *
 * <p>Keys follow picocli: {@code usage.*} for sections, an option's name without dashes for its description, each
 * qualified by the command's full name ({@code lbctl.pool.validate.pool}) unless shared by every command (the global
 * options). picocli qualifies with the name the root runs under, which is {@code kubectl lbctl} as a kubectl plugin,
 * so the catalog is written with {@code lbctl.} and re-keyed here to the actual root name.
 */
public final class HelpTexts {

    static final String BUNDLE = "dev.lbctl.i18n.help";
    static final String ROOT = "lbctl";

    private HelpTexts() {
    }

    /** The help bundle of {@code language} for a root command named {@code rootName}; none for English. */
    public static Optional<ResourceBundle> bundle(Language language, String rootName) {
        if (language == Language.EN) {
            return Optional.empty();
        }
        ResourceBundle catalog = load(language);
        Map<String, Object> entries = new HashMap<>();
        for (String key : catalog.keySet()) {
            String rekeyed = key.startsWith(ROOT + ".") ? rootName + key.substring(ROOT.length()) : key;
            entries.put(rekeyed, catalog.getString(key));
        }
        return Optional.of(new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return entries.get(key);
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(entries.keySet());
            }
        });
    }

    /** The catalog as written, without the English base (which holds nothing: English is in the annotations). */
    static ResourceBundle load(Language language) {
        return ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
