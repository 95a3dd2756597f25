package dev.lbctl.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageTest {

    private static Language resolve(List<String> args, Map<String, String> env) {
        return Language.resolve(args, env);
    }

    @Test
    void englishWithoutArgumentsOrLocale() {
        assertThat(resolve(List.of("pool", "validate"), Map.of())).isEqualTo(Language.EN);
    }

    @Test
    void posixLocaleNamesGiveTheirLanguage() {
        assertThat(resolve(List.of(), Map.of("LANG", "ja_JP.UTF-8"))).isEqualTo(Language.JA);
        assertThat(resolve(List.of(), Map.of("LANG", "ja"))).isEqualTo(Language.JA);
        assertThat(resolve(List.of(), Map.of("LANG", "ja_JP.eucJP@x"))).isEqualTo(Language.JA);
        assertThat(resolve(List.of(), Map.of("LANG", "C"))).isEqualTo(Language.EN);
        assertThat(resolve(List.of(), Map.of("LANG", "POSIX"))).isEqualTo(Language.EN);
        assertThat(resolve(List.of(), Map.of("LANG", "C.UTF-8"))).isEqualTo(Language.EN);
        assertThat(resolve(List.of(), Map.of("LANG", "de_DE.UTF-8"))).as("no German catalog: English").isEqualTo(Language.EN);
    }

    @Test
    void lcAllBeatsLcMessagesBeatsLang() {
        assertThat(resolve(List.of(), Map.of("LC_ALL", "C", "LC_MESSAGES", "ja_JP.UTF-8", "LANG", "ja_JP.UTF-8")))
                .isEqualTo(Language.EN);
        assertThat(resolve(List.of(), Map.of("LC_MESSAGES", "ja_JP.UTF-8", "LANG", "C"))).isEqualTo(Language.JA);
        assertThat(resolve(List.of(), Map.of("LC_MESSAGES", "C", "LANG", "ja_JP.UTF-8"))).isEqualTo(Language.EN);
    }

    @Test
    void emptyVariablesDoNotCount() {
        assertThat(resolve(List.of(), Map.of("LC_ALL", "", "LC_MESSAGES", "", "LANG", "ja_JP.UTF-8")))
                .isEqualTo(Language.JA);
        assertThat(resolve(List.of(), Map.of("LBCTL_LANG", "", "LANG", "ja_JP.UTF-8"))).isEqualTo(Language.JA);
    }

    @Test
    void lbctlLangBeatsThePosixLocale() {
        assertThat(resolve(List.of(), Map.of("LBCTL_LANG", "en", "LC_ALL", "ja_JP.UTF-8"))).isEqualTo(Language.EN);
        assertThat(resolve(List.of(), Map.of("LBCTL_LANG", "ja", "LANG", "C"))).isEqualTo(Language.JA);
    }

    @Test
    void langOptionBeatsEverything() {
        Map<String, String> japanese = Map.of("LBCTL_LANG", "ja", "LC_ALL", "ja_JP.UTF-8");
        assertThat(resolve(List.of("--lang", "en", "status"), japanese)).isEqualTo(Language.EN);
        assertThat(resolve(List.of("status", "--lang=en"), japanese)).isEqualTo(Language.EN);
        assertThat(resolve(List.of("pool", "validate", "--lang", "ja"), Map.of("LANG", "C"))).isEqualTo(Language.JA);
    }

    @Test
    void anUnknownOrMissingLangValueFallsThroughToTheEnvironment() {
        Map<String, String> japanese = Map.of("LANG", "ja_JP.UTF-8");
        assertThat(resolve(List.of("--lang", "fr"), japanese)).isEqualTo(Language.JA);
        assertThat(resolve(List.of("--lang"), japanese)).isEqualTo(Language.JA);
    }

    @Test
    void argumentsAfterDoubleDashAreNotOptions() {
        assertThat(resolve(List.of("pool", "validate", "--", "--lang", "ja"), Map.of())).isEqualTo(Language.EN);
    }
}
