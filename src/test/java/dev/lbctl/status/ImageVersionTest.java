package dev.lbctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.MetalLbVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageVersionTest {

    @ParameterizedTest(name = "{0} runs {1}")
    @CsvSource({
        "quay.io/metallb/controller:v0.16.1,                     v0.16.1",
        "metallb/controller:v0.9.6,                              v0.9.6",
        "registry.local:5000/mirror/metallb/controller:v0.13.12, v0.13.12",
        "quay.io/metallb/controller:v0.14.9@sha256:0123456789abcdef, v0.14.9",
        "quay.io/metallb/controller:0.12.1,                      v0.12.1",
        "quay.io/metallb/controller:v0.15.0-rc1,                 v0.15.0",
    })
    void readsTheReleaseFromTheImageTag(String image, String version) throws Exception {
        assertThat(ImageVersion.of(image)).contains(MetalLbVersion.parse(version));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {
        "quay.io/metallb/controller:main",
        "quay.io/metallb/controller:latest",
        "quay.io/metallb/controller",
        "registry.local:5000/metallb/controller",
        "quay.io/metallb/controller@sha256:0123456789abcdef",
        "quay.io/metallb/controller:v0.16",
        "",
    })
    void aTagThatIsNotAReleaseGivesNoVersion(String image) {
        assertThat(ImageVersion.of(image)).isEmpty();
    }
}
