package dev.lbctl.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hold and keepalive times as configmaptocrs writes them: parsed by Go's rules, cut to seconds, Duration.String. */
class GoDurationsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "90s, 1m30s",
        "120s, 2m0s",
        "90500ms, 1m30s",
        "3s, 3s",
        "0, 0s",
        "0s, 0s",
        "1m, 1m0s",
        "3h, 3h0m0s",
        "1h1m1s, 1h1m1s",
        "1.5m, 1m30s",
        ".5h, 30m0s",
        "2m59.999s, 2m59s",
        "4000000us, 4s",
        "4000000\u00b5s, 4s",
        "1h30m, 1h30m0s",
        "-30s, -30s",
    })
    void wholeSeconds(String text, String expected) {
        assertThat(GoDurations.wholeSeconds(text)).isEqualTo(expected);
    }
}
