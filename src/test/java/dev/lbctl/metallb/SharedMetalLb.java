package dev.lbctl.metallb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The upstream MetalLB manifests kept as test data outside the repository: {@code -Dlbctl.shared=DIR}, by default
 * {@code <repo>/../shared}. They are read in place, never copied into the project.
 */
final class SharedMetalLb {

    private SharedMetalLb() {
    }

    static Path directory() {
        return dev.lbctl.SharedTestData.metallb();
    }

    static Path file(String tag, String name) {
        return directory().resolve(tag).resolve(name);
    }

    static byte[] bytes(String tag, String name) {
        try {
            return Files.readAllBytes(file(tag, name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA256SUMS as "v0.16.1/metallb-native.yaml" to sum. */
    static Map<String, String> sha256Sums() {
        try {
            Map<String, String> sums = new LinkedHashMap<>();
            for (String line : Files.readAllLines(directory().resolve("SHA256SUMS"))) {
                String[] parts = line.trim().split("\\s+");
                sums.put(parts[1].replaceFirst("^\\./", ""), parts[0]);
            }
            return sums;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
