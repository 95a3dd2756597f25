package dev.lbctl.election;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.input.YamlDocuments;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbVersion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per directory under {@code src/test/resources/election/}; the format is in that directory's README.md. */
class ElectionFixtureTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root = Path.of(ElectionFixtureTest.class.getResource("/election").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void electionMatchesMetalLbRule(String name) throws Exception {
        Path dir = Path.of(ElectionFixtureTest.class.getResource("/election/" + name).toURI());
        Map<String, Object> c = (Map<String, Object>) YamlDocuments.load(dir.resolve("case.yaml")).get(0);
        ElectionRules rules = ElectionRules.of(MetalLbVersion.parse((String) c.get("release")));
        if (Boolean.TRUE.equals(c.get("ignoreExcludeLb"))) {
            rules = rules.ignoringExcludeLabel();
        }
        Map<String, Object> service = (Map<String, Object>) c.get("service");
        Path endpointsFile = dir.resolve("endpoints.yaml");
        List<Endpoint> endpoints = Files.exists(endpointsFile)
                ? ElectionInputs.endpoints(endpointsFile).getOrDefault("default/web", List.of()) : List.of();
        Ballot ballot = new Ballot("default/web", (Map<String, String>) service.getOrDefault("labels", Map.of()),
                (List<String>) service.get("ips"), Boolean.TRUE.equals(service.get("local")),
                advertisers((List<Object>) c.getOrDefault("advertisements", List.of())),
                ElectionInputs.nodes(dir.resolve("nodes.yaml")), endpoints);

        Outcome outcome = Election.elect(ballot, rules);

        Map<String, Object> expect = (Map<String, Object>) c.get("expect");
        assertThat(outcome.winner().orElse(null)).as("winner").isEqualTo(expect.get("node"));
        if (expect.containsKey("noWinner")) {
            assertThat(outcome.noWinner()).as("noWinner").contains(Outcome.NoWinner.valueOf((String) expect.get("noWinner")));
        }
        if (expect.containsKey("skipped")) {
            Map<String, Outcome.Skip> skipped = new LinkedHashMap<>();
            ((Map<String, String>) expect.get("skipped")).forEach((node, why) -> skipped.put(node, Outcome.Skip.valueOf(why)));
            assertThat(outcome.skipped()).as("skipped").isEqualTo(skipped);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Advertiser> advertisers(List<Object> list) {
        return list.stream().map(o -> (Map<String, Object>) o).map(a -> new Advertiser((String) a.get("name"),
                selectors((List<Object>) a.getOrDefault("nodeSelectors", List.of())),
                selectors((List<Object>) a.getOrDefault("serviceSelectors", List.of())))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<LabelSelector> selectors(List<Object> matchLabels) {
        return matchLabels.stream().map(m -> new LabelSelector((Map<String, String>) m, List.of())).toList();
    }
}
