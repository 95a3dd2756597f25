package dev.lbctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One fixture per rule under {@code src/test/resources/config/}: {@code NAME.yaml} is read and validated, and the
 * result must equal {@code NAME.expected} line for line, either {@code READ-ERROR message} or one {@code SEVERITY
 * message} per problem (empty: no problem at all). {@code {file}} stands for the fixture's path. A {@code # version:}
 * or {@code # mode:} comment at the top of the YAML selects the MetalLB release and BGP mode.
 */
class ConfigFixturesTest {

    static Stream<String> fixtures() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(directory())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void fixtureGivesExactlyItsExpectedProblems(String name) throws Exception {
        Path yaml = directory().resolve(name + ".yaml");
        List<String> expected = Files.readAllLines(directory().resolve(name + ".expected"), StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank()).map(l -> l.replace("{file}", yaml.toString())).toList();
        if (!expected.isEmpty() && expected.get(0).startsWith("READ-ERROR ")) {
            assertThatThrownBy(() -> ConfigFiles.read(List.of(yaml)))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessage(expected.get(0).substring("READ-ERROR ".length()));
            return;
        }
        MetalLbConfig config = ConfigFiles.read(List.of(yaml));
        List<String> actual = ConfigValidator.validate(config, version(yaml, config), mode(yaml)).stream()
                .map(p -> p.severity() + " " + p.describe()).toList();
        assertThat(actual).containsExactlyElementsOf(expected);
        if (name.startsWith("valid-")) {
            assertThat(actual).noneMatch(l -> l.startsWith("ERROR"));
        } else {
            assertThat(actual).anyMatch(l -> l.startsWith("ERROR"));
        }
    }

    @Test
    void everyFixtureHasItsExpectation() throws Exception {
        List<String> missing = new ArrayList<>();
        for (String name : fixtures().toList()) {
            if (!Files.exists(directory().resolve(name + ".expected"))) {
                missing.add(name);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(fixtures().toList()).hasSizeGreaterThan(50)
                .allMatch(n -> n.startsWith("valid-") || n.startsWith("invalid-"));
    }

    private static MetalLbVersion version(Path yaml, MetalLbConfig config) throws IOException, InvalidAddressException {
        String directive = directive(yaml, "version");
        return directive == null ? config.impliedVersion() : MetalLbVersion.parse(directive);
    }

    private static ConfigValidator.BgpMode mode(Path yaml) throws IOException {
        String directive = directive(yaml, "mode");
        return directive == null ? ConfigValidator.BgpMode.NATIVE : ConfigValidator.BgpMode.valueOf(directive.toUpperCase());
    }

    private static String directive(Path yaml, String key) throws IOException {
        return Files.readAllLines(yaml, StandardCharsets.UTF_8).stream()
                .filter(l -> l.startsWith("# " + key + ": "))
                .map(l -> l.substring(("# " + key + ": ").length()).trim())
                .findFirst().orElse(null);
    }

    private static Path directory() throws URISyntaxException {
        return Path.of(ConfigFixturesTest.class.getResource("/config").toURI());
    }
}
