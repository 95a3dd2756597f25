package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.input.YamlDocuments;
import dev.lbctl.services.ServiceInventory;
import dev.lbctl.services.ServiceManifests;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per directory under {@code src/test/resources/allocator/}: {@code pools.yaml} (IPAddressPools),
 * {@code services.yaml} (Services and Namespaces) and {@code expected.json}, the simulated result for every
 * Service in file order. The format is described in that directory's README.md.
 */
class SimulationFixtureTest {

    static Stream<String> cases() throws IOException, URISyntaxException {
        Path root = Path.of(SimulationFixtureTest.class.getResource("/allocator").toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void simulationMatchesExpected(String name) throws IOException, URISyntaxException {
        Path dir = Path.of(SimulationFixtureTest.class.getResource("/allocator/" + name).toURI());
        ServiceInventory inventory = ServiceManifests.read(dir.resolve("services.yaml"));
        List<Allocation> actual = Simulation.run(TestPools.parse(Files.readString(dir.resolve("pools.yaml"))),
                inventory.services(), inventory.namespaceLabels());
        assertThat(actual).containsExactlyElementsOf(expected(dir.resolve("expected.json")));
    }

    @SuppressWarnings("unchecked")
    private static List<Allocation> expected(Path file) {
        List<Object> rows = (List<Object>) YamlDocuments.load(file).get(0);
        return rows.stream().map(row -> {
            Map<String, Object> r = (Map<String, Object>) row;
            String[] key = ((String) r.get("service")).split("/", 2);
            return new Allocation(key[0], key[1],
                    Allocation.Status.valueOf(((String) r.get("status")).toUpperCase(java.util.Locale.ROOT)),
                    (List<String>) r.getOrDefault("ips", List.of()),
                    (String) r.get("pool"),
                    (String) r.get("reason"),
                    (Boolean) r.getOrDefault("deterministic", true));
        }).toList();
    }
}
