package dev.lbctl.kubeproxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the byte-exact fixtures under src/test/resources/kubeproxy/&lt;case&gt;/. */
final class KubeProxyFixtures {

    private KubeProxyFixtures() {
    }

    static String config(String fixture) {
        return read(fixture, "config.conf");
    }

    static String expectedPatch(String fixture) {
        return read(fixture, "expected.conf");
    }

    static String expectedDiff(String fixture) {
        return read(fixture, "expected.diff");
    }

    private static String read(String fixture, String file) {
        String resource = "/kubeproxy/" + fixture + "/" + file;
        try (InputStream in = KubeProxyFixtures.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test fixture " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
