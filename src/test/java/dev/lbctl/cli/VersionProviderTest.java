package dev.lbctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The version is embedded as a class at build time; it must be the one the build also writes as a resource. */
class VersionProviderTest {

    @Test
    void theEmbeddedVersionIsTheBuildsVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = VersionProviderTest.class.getResourceAsStream("/lbctl-version.properties")) {
            p.load(in);
        }
        assertThat(p.getProperty("version")).isNotBlank().doesNotContain("${");
        assertThat(VersionProvider.version()).isEqualTo(p.getProperty("version"));
    }
}
