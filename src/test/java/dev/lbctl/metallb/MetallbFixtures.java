package dev.lbctl.metallb;

import dev.lbctl.input.YamlDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads fixtures under src/test/resources/metallb/. */
final class MetallbFixtures {

    private MetallbFixtures() {
    }

    static String text(String path) {
        String resource = "/metallb/" + path;
        try (InputStream in = MetallbFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture's YAML documents, for comparing structure rather than formatting. */
    static List<Object> documents(String path) {
        return YamlDocuments.parse(text(path), path);
    }
}
