package dev.lbctl.migrate;

import dev.lbctl.config.ConfigValidator.BgpMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The fixtures under {@code src/test/resources/migrate/CASE/}: {@code config.yaml} (a legacy ConfigMap, or its config
 * text) and {@code expected.yaml}, written by hand from configmaptocrs' rules. A {@code # mode: frr} line marks a
 * configuration that only MetalLB's FRR mode accepts. The article case has no config.yaml: its input is MetalLB's own
 * example, read from {@code ../shared}.
 */
final class MigrationFixtures {

    static final Path DIRECTORY = Path.of("src/test/resources/migrate");

    private MigrationFixtures() {
    }

    /** The cases that carry their own config.yaml. */
    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(DIRECTORY)) {
            return dirs.filter(d -> Files.exists(d.resolve("config.yaml"))).map(d -> d.getFileName().toString()).sorted()
                    .toList().stream();
        }
    }

    static Path config(String name) {
        return DIRECTORY.resolve(name).resolve("config.yaml");
    }

    static String expected(String name) {
        return read(DIRECTORY.resolve(name).resolve("expected.yaml"));
    }

    static BgpMode mode(String name) {
        return read(config(name)).lines().anyMatch(l -> l.strip().equals("# mode: frr")) ? BgpMode.FRR : BgpMode.NATIVE;
    }

    /** MetalLB's upstream example-layer2-config.yaml of a release, from {@code -Dlbctl.shared} or {@code ../shared}. */
    static Path upstreamExample(String tag) {
        return dev.lbctl.SharedTestData.metallb().resolve(tag).resolve("example-layer2-config.yaml");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
