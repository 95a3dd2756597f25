package dev.lbctl.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a person reads comes from the catalogs. The rule, for the layers that render (cli/ and report/) and the
 * packages whose errors and warnings reach the user as they are (pool/, input/, metallb/, migrate/, cluster/, install/,
 * kubeproxy/, strictarp/, services/, and in config/ lbctl's own warnings and the file reader): no string
 * literal outside comments and outside picocli annotations may hold two words in a row ({@code [A-Za-z]{2,}} twice,
 * separated by one space, optionally after a comma, colon or semicolon). Annotations are exempt because their
 * descriptions are the English help, which picocli's bundle translates (HelpCatalogTest). Single words (JSON keys,
 * enum labels, kinds) pass. The few literals that match but are not prose are listed with the reason.
 */
class NoLiteralSentencesTest {

    private static final Pattern TWO_WORDS = Pattern.compile("[A-Za-z]{2,}[,;:]? [A-Za-z]{2,}");
    private static final Pattern ANNOTATION = Pattern.compile("@(Command|Option|Parameters|ArgGroup)\\s*\\(");
    private static final Pattern KEY_USE = Pattern.compile("Messages\\.get\\(\"([^\"]+)\"");

    /** Files whose literals are none of them sentences for a person. */
    private static final Set<String> NO_PROSE_AT_ALL = Set.of(
            // Shell code of the completion scripts, for the shell, not the user.
            "CompletionCommand.java", "FishCompletion.java",
            // XML markup of the JUnit report: its structure never changes with the language.
            "JUnitXml.java",
            // MetalLB's own messages (ParseCIDR, range parsing), verbatim: users search for them.
            "MetalLbAddresses.java",
            // The header comment of the YAML that config migrate writes (output data), and a Service that install
            // simulates internally (never shown).
            "ResourceText.java", "InstallPlanner.java",
            // Programming errors (IllegalArgumentException, IllegalStateException): a bug, never a user's input.
            "Cidr.java", "IpAddress.java", "ManifestChecksum.java", "ReleaseFile.java", "PoolObjects.java",
            "StrictArpResult.java");

    /** Literals that match the rule but are not sentences for a person, by file. */
    private static final Map<String, Set<String>> NOT_PROSE = Map.ofEntries(
            // A placeholder in the YAML that --dry-run prints in place of a secret; kept verbatim like the YAML.
            Map.entry("InstallPlanRenderer.java", Set.of("<128 random bytes, generated at install and never printed>")),
            // Like the memberlist key above: a placeholder inside the dry-run's YAML, which is the same in every language.
            Map.entry("PeerPassword.java", Set.of("<the password key of Secret ", ", read at install and never printed>",
                    "password from Secret ")), // and its toString, for logs and debugging
            // Names of input sources: JSON values ("file") and MetalLB's (English) messages, the same in every language.
            Map.entry("InstallCommand.java", Set.of("standard input")),
            Map.entry("ConfigMigrateCommand.java", Set.of("standard input")),
            Map.entry("YamlDocuments.java", Set.of("standard input")),
            Map.entry("Origin.java", Set.of("command line")),
            // The JUnit suite name: machine-read structure, identical in every language.
            Map.entry("VerifyCommand.java", Set.of("lbctl verify")),
            // picocli's English wording, matched only to say the same error again in another language.
            Map.entry("ErrorHandler.java", Set.of("Error: (.+) are mutually exclusive \\(specify only one\\)",
                    "Error: Missing required argument\\(s\\): (.+)", "Error: Missing required argument (specify one of these)",
                    "expected one of \\[(.*)] \\(case-sensitive\\) but was '(.*)'", "'(.*)' is not an? (?:int|long)",
                    "Missing required parameter for option ", "Missing required subcommand", "Invalid value for ")),
            // A programming error.
            Map.entry("ConfigMapConverter.java", Set.of("only a legacy ConfigMap configuration can be converted")),
            // Words of the API server and of MetalLB's webhook, looked for in their (English) answers.
            Map.entry("Installer.java", Set.of("overlaps with already defined CIDR", "denied the request", "failed calling webhook")),
            // Shell commands with their comments (as doctor's fixes), and the "removed" entries of the JSON.
            Map.entry("Uninstaller.java", Set.of("kubectl delete namespace ", "   # deletes those objects too",
                    "   # deletes every object of its kind", "lbctl's pools in ConfigMap ")),
            // The name of a ConfigMap key, and diff's own marker line.
            Map.entry("KubeProxyConfigText.java", Set.of("kube-system/kube-proxy config.conf")),
            Map.entry("UnifiedDiff.java", Set.of("\\ No newline at end of file")));

    private static final Path ROOT = Path.of("src/main/java/dev/lbctl");

    /** Where the rule applies: packages, or single files of a package that also quotes MetalLB. */
    private static final List<String> SCANNED = List.of("cli", "report", "pool", "input", "metallb", "migrate", "cluster",
            "install", "kubeproxy", "strictarp", "services", "config/LbctlWarnings.java", "config/Problem.java", "config/Problems.java",
            "config/Origin.java", "config/ConfigFiles.java");

    record Literal(String file, int line, String text) {
    }

    @Test
    void renderingLayersHoldNoLiteralSentences() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String layer : SCANNED) {
            Path path = ROOT.resolve(layer);
            try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (NO_PROSE_AT_ALL.contains(name)) {
                        continue;
                    }
                    Set<String> allowed = NOT_PROSE.getOrDefault(name, Set.of());
                    for (Literal literal : literals(file)) {
                        if (TWO_WORDS.matcher(literal.text()).find() && !allowed.contains(literal.text())) {
                            offenders.add(ROOT.relativize(file) + ":" + literal.line() + ": \"" + literal.text() + "\"");
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("move these into messages.properties / messages_ja.properties").isEmpty();
    }

    @Test
    void theRuleCatchesASentenceAndPassesWordsAnnotationsAndComments() throws IOException {
        Path sample = Files.createTempFile("Sample", ".java");
        Files.writeString(sample, """
                @Command(name = "x", description = {"Some help text.", "More help."})
                class Sample {
                    // "a commented sentence"
                    String key = "apiVersion";
                    String sentence = "the pools are invalid";
                    String block = \"""
                        two words
                        \""";
                }
                """);
        List<String> prose = literals(sample).stream().map(Literal::text).filter(t -> TWO_WORDS.matcher(t).find())
                .map(String::strip).toList();
        assertThat(prose).containsExactly("the pools are invalid", "two words");
    }

    @Test
    void everyKeyTheCodeUsesIsInTheEnglishCatalog() throws IOException {
        Properties english = MessageCatalogTest.catalog("messages.properties");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = KEY_USE.matcher(Files.readString(file));
                while (m.find()) {
                    String key = m.group(1);
                    // A key completed at run time ("exitCode." + code): at least one entry must start with it.
                    boolean found = key.endsWith(".") ? english.stringPropertyNames().stream().anyMatch(k -> k.startsWith(key))
                            : english.containsKey(key);
                    if (!found) {
                        missing.add(file.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** The string literals (and text blocks) of a Java file, outside comments and picocli annotations. */
    static List<Literal> literals(Path file) throws IOException {
        String src = Files.readString(file);
        List<Literal> out = new ArrayList<>();
        int line = 1;
        int annotationDepth = 0;
        int i = 0;
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (src.startsWith("//", i)) {
                i = src.indexOf('\n', i) < 0 ? src.length() : src.indexOf('\n', i);
            } else if (src.startsWith("/*", i)) {
                int end = src.indexOf("*/", i + 2) + 2;
                line += count(src.substring(i, end), '\n');
                i = end;
            } else if (src.startsWith("\"\"\"", i)) {
                int start = src.indexOf('\n', i) + 1;
                int end = src.indexOf("\"\"\"", start);
                if (annotationDepth == 0) {
                    out.add(new Literal(file.getFileName().toString(), line, src.substring(start, end)));
                }
                line += count(src.substring(i, end), '\n');
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                StringBuilder text = new StringBuilder();
                while (src.charAt(j) != c) {
                    if (src.charAt(j) == '\\') {
                        text.append(src.charAt(j + 1));
                        j += 2;
                    } else {
                        text.append(src.charAt(j++));
                    }
                }
                if (c == '"' && annotationDepth == 0) {
                    out.add(new Literal(file.getFileName().toString(), line, text.toString()));
                }
                i = j + 1;
            } else {
                Matcher annotation = ANNOTATION.matcher(src).region(i, src.length());
                if (c == '@' && annotation.lookingAt()) {
                    annotationDepth = 1;
                    i = annotation.end();
                    continue;
                }
                if (annotationDepth > 0 && c == '(') {
                    annotationDepth++;
                } else if (annotationDepth > 0 && c == ')') {
                    annotationDepth--;
                }
                i++;
            }
        }
        return out;
    }

    private static int count(String s, char c) {
        return (int) s.chars().filter(ch -> ch == c).count();
    }
}
