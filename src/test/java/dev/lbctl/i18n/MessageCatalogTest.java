package dev.lbctl.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The catalogs as files: same keys, same placeholders, every value a valid MessageFormat pattern. */
class MessageCatalogTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[,}]");

    static Properties catalog(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageCatalogTest.class.getResourceAsStream("/dev/lbctl/i18n/" + resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    static Set<String> placeholders(String pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(pattern);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @AfterEach
    void backToEnglish() {
        Messages.use(Language.EN);
    }

    @Test
    void bothCatalogsHaveTheSameKeys() throws IOException {
        assertThat(catalog("messages_ja.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(catalog("messages.properties").stringPropertyNames());
    }

    @Test
    void eachMessageHasTheSamePlaceholdersInBothLanguages() throws IOException {
        Properties en = catalog("messages.properties");
        Properties ja = catalog("messages_ja.properties");
        for (String key : en.stringPropertyNames()) {
            assertThat(placeholders(ja.getProperty(key, ""))).as(key).isEqualTo(placeholders(en.getProperty(key)));
        }
    }

    @Test
    void everyValueIsAMessageFormatPattern() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_ja.properties"}) {
            Properties p = catalog(file);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                assertThatCode(() -> new MessageFormat(value)).as(file + " " + key).doesNotThrowAnyException();
                // A lone apostrophe would silently swallow the text after it.
                assertThat(value.replace("''", "")).as(file + " " + key + ": write '' for an apostrophe").doesNotContain("'");
            }
        }
    }

    @Test
    void japaneseIsReadAsUtf8AndEnglishFillsMissingKeys() {
        Messages.use(Language.JA);
        assertThat(Messages.get("progress.warning", "x")).isEqualTo("警告: x");
        assertThat(Messages.load(Language.JA).get("error.line")).startsWith("lbctl: エラー");
        Messages.use(Language.EN);
        assertThat(Messages.get("progress.warning", "x")).isEqualTo("warning: x");
    }

    /** The build embeds the catalogs as a class (src/build/EmbeddedResources.java): it must hold the files exactly. */
    @Test
    void theEmbeddedCatalogsAreTheFiles() throws IOException {
        Map<String, String> english = new HashMap<>();
        catalog("messages.properties").forEach((k, v) -> english.put((String) k, (String) v));
        Map<String, String> japanese = new HashMap<>(english);
        catalog("messages_ja.properties").forEach((k, v) -> japanese.put((String) k, (String) v));
        assertThat(Messages.load(Language.EN)).isEqualTo(english);
        assertThat(Messages.load(Language.JA)).isEqualTo(japanese).isNotEqualTo(english);
    }

    @Test
    void englishPluralsFollowTheCount() {
        assertThat(Messages.get("validate.invalid", "v0.16.1", 1L, 0L)).isEqualTo("invalid for MetalLB v0.16.1: 1 error, 0 warnings");
        assertThat(Messages.get("validate.valid", "v0.16.1", 0L, 2L)).isEqualTo("valid for MetalLB v0.16.1: 0 errors, 2 warnings");
    }
}
