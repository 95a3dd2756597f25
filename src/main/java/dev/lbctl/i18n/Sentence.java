package dev.lbctl.i18n;

/**
 * One sentence of lbctl's in English and in the language of this run. Output that machines read (JSON) carries the
 * English text so it is identical in every language; what a person reads shows the translation. Text that is not
 * lbctl's (MetalLB's own messages, quoted verbatim) is the same in both.
 */
public record Sentence(String english, String shown) {

    /** The catalog message {@code key} with these arguments, in English and in the chosen language. */
    public static Sentence of(String key, Object... args) {
        return new Sentence(Messages.english(key, args), Messages.get(key, args));
    }

    /** Someone else's words, shown as they are in every language. */
    public static Sentence verbatim(String text) {
        return new Sentence(text, text);
    }
}
