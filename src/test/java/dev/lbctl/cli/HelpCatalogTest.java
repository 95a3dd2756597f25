package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * English help is the annotations; the Japanese help bundle must translate every description in the command tree
 * (so a new option cannot ship untranslated) and hold nothing the tree lacks (so a renamed one leaves no dead key).
 */
class HelpCatalogTest {

    /** Keys picocli reads from the bundle itself rather than from one command's descriptions. */
    private static final Set<String> SECTIONS = Set.of("usage.synopsisHeading", "usage.commandListHeading",
            "mixinStandardHelpOptions.help", "mixinStandardHelpOptions.version");

    @Test
    void japaneseHelpCoversExactlyTheCommandTree() throws IOException {
        Properties ja = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/dev/lbctl/i18n/help_ja.properties")) {
            ja.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        CommandLine root = CommandLineFactory.create(new PrintWriter(Writer.nullWriter()), new PrintWriter(Writer.nullWriter()));
        Set<String> expected = new TreeSet<>(SECTIONS);
        collect(root, expected);
        Set<String> actual = new TreeSet<>();
        for (String key : ja.stringPropertyNames()) {
            // Multi-line descriptions are numbered: usage.description.0, .1, ...
            actual.add(key.replaceFirst("\\.usage\\.description\\.\\d+$", ".usage.description"));
        }
        assertThat(actual).isEqualTo(expected);
    }

    /** Global options (declared on the root, inherited everywhere) are keyed once, unqualified; the rest per command. */
    private static void collect(CommandLine command, Set<String> keys) {
        CommandSpec spec = command.getCommandSpec();
        String prefix = spec.qualifiedName(".") + ".";
        keys.add(prefix + "usage.description");
        for (OptionSpec option : spec.options()) {
            if (option.usageHelp() || option.versionHelp() || option.inherited()) {
                continue;
            }
            String name = option.longestName().replaceFirst("^-+", "");
            keys.add(spec.parent() == null ? name : prefix + name);
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            keys.add(prefix + positional.paramLabel() + "[" + positional.index() + "]");
        }
        for (CommandLine sub : new LinkedHashSet<>(command.getSubcommands().values())) {
            collect(sub, keys);
        }
    }
}
