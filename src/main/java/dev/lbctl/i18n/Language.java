package dev.lbctl.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The languages lbctl speaks, and the one a command line asks for. English is the default and the fallback: a locale
 * lbctl has no catalog for gets English, never an error, since LANG is often set to something nobody chose.
 */
public enum Language {
    EN("en", Locale.ROOT),
    JA("ja", Locale.JAPANESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    /** The value --lang and LBCTL_LANG take. */
    public String tag() {
        return tag;
    }

    /** The resource-bundle locale; English is the base bundle, hence the root locale. */
    Locale locale() {
        return locale;
    }

    /** The language --lang names exactly ({@code en} or {@code ja}). */
    public static Optional<Language> ofTag(String tag) {
        for (Language language : values()) {
            if (language.tag.equals(tag)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /**
     * The language of these arguments and environment: {@code --lang}, then {@code LBCTL_LANG}, then the first
     * non-empty of {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG} (POSIX's order for message catalogs).
     * An unknown --lang value is left to the parser to reject; here it just does not count.
     */
    public static Language resolve(List<String> args, Map<String, String> env) {
        Optional<Language> fromArgs = fromArguments(args);
        if (fromArgs.isPresent()) {
            return fromArgs.get();
        }
        String lbctlLang = env.get("LBCTL_LANG");
        if (lbctlLang != null && !lbctlLang.isEmpty()) {
            return ofLocaleName(lbctlLang);
        }
        for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
            String value = env.get(name);
            if (value != null && !value.isEmpty()) {
                return ofLocaleName(value);
            }
        }
        return EN;
    }

    /** {@code --lang ja} or {@code --lang=ja}, before any {@code --} (after it, arguments are positional). */
    static Optional<Language> fromArguments(List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--lang") && i + 1 < args.size()) {
                return ofTag(args.get(i + 1));
            }
            if (arg.startsWith("--lang=")) {
                return ofTag(arg.substring("--lang=".length()));
            }
        }
        return Optional.empty();
    }

    /** A POSIX locale name ({@code ja_JP.UTF-8}, {@code ja}, {@code C}, {@code en_US@euro}): its language part. */
    static Language ofLocaleName(String name) {
        int end = name.length();
        for (char stop : new char[] {'_', '.', '@', '-'}) {
            int at = name.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return ofTag(name.substring(0, end).toLowerCase(Locale.ROOT)).orElse(EN);
    }
}
