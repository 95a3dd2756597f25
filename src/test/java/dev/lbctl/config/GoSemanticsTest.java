package dev.lbctl.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.pool.MetalLbVersion;
import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Go behaviours MetalLB's messages depend on, pinned with values from Go's own documentation and tests. */
class GoSemanticsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "90s|90000000000", "1m30s|90000000000", "1.5h|5400000000000", "-1.5h|-5400000000000", "300ms|300000000",
            "2h45m|9900000000000", "1µs|1000", "1us|1000", "0|0", "+5s|5000000000", ".5s|500000000", "1.s|1000000000"})
    void parsesDurationsLikeGo(String text, long nanos) throws Exception {
        assertThat(GoDuration.parse(text)).isEqualTo(nanos);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|time: invalid duration \"\"", "abc|time: invalid duration \"abc\"", "5|time: missing unit in duration \"5\"",
            "5 s|time: unknown unit \" s\" in duration \"5 s\"", "3d|time: unknown unit \"d\" in duration \"3d\"",
            ".s|time: invalid duration \".s\"", "9223372036854775808ns|time: invalid duration \"9223372036854775808ns\""})
    void rejectsDurationsWithGosMessages(String text, String message) {
        assertThatThrownBy(() -> GoDuration.parse(text)).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0s", "1|1ns", "1500|1.5µs", "1500000|1.5ms", "30000000000|30s", "90000000000|1m30s",
            "3600000000000|1h0m0s", "5400500000000|1h30m0.5s", "-2000000000|-2s"})
    void formatsDurationsLikeGo(long nanos, String text) {
        assertThat(GoDuration.format(nanos)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "33|'!'", "64|'@'", "24|'\\x18'", "0|'\\x00'", "10|'\\n'", "39|'\\''", "92|'\\\\'", "127|'\\x7f'",
            "160|'\\u00a0'", "233|'é'", "55296|'�'", "1114112|'�'", "-1|'�'"})
    void quotesIntegersAsGoRunes(long value, String quoted) {
        assertThat(GoRune.quote(value)).isEqualTo(quoted);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "yes|BOOL", "y|BOOL", "Off|BOOL", "~|NULL", "''|NULL", "0x1F|INT", "1_000|INT", "017|INT", "0o17|INT",
            "0b101|INT", "-5|INT", "1.5|FLOAT", "1e9|FLOAT", ".inf|FLOAT", "10.0.0.0/24|STR", "1:30|STR", "08|FLOAT", "0x|STR"})
    void resolvesPlainScalarsLikeYamlV2(String text, GoYaml.Kind kind) {
        assertThat(GoYaml.resolvePlain(text).kind()).isEqualTo(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"0x1F|31", "1_000|1000", "017|15", "0b101|5", "+7|7", "18446744073709551615|18446744073709551615"})
    void resolvesIntegersLikeGoParseInt(String text, String value) {
        assertThat(GoYaml.resolvePlain(text).value()).isEqualTo(new BigInteger(value));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "65535:65281|v0.16.1|NULL",
            "large:1:2:3|v0.16.1|NULL",
            "no-export|v0.16.1|invalid community format: no-export",
            "1:2:3|v0.16.1|invalid community format: 1:2:3",
            "big:1:2:3|v0.16.1|invalid community value: invalid marker for large community, expected community to be of format large:<uint32>:<uint32>:<uint32> but got \"big:1:2:3\" instead",
            "65536:1|v0.16.1|invalid community value: invalid section \"65536\" of community \"65536:1\", err: \"strconv.ParseUint: parsing \\\"65536\\\": value out of range\"",
            ":1|v0.16.1|invalid community value: invalid section \"\" of community \":1\", err: \"strconv.ParseUint: parsing \\\"\\\": invalid syntax\"",
            "1:x|v0.13.12|invalid community value: invalid second section of community \"x\": strconv.ParseUint: parsing \"x\": invalid syntax",
            "large:1:2:3|v0.13.12|invalid community format: large:1:2:3"})
    void parsesCommunitiesPerRelease(String community, String version, String error) throws Exception {
        assertThat(BgpCommunity.parse(community, MetalLbVersion.parse(version)).error()).isEqualTo(error);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "64512:1|v0.12.1|NULL",
            "x|v0.12.1|invalid community string \"x\"",
            "1:2:3|v0.12.1|invalid community string \"1:2:3\"",
            "-1:2|v0.12.1|invalid first section of community \"-1\": strconv.ParseUint: parsing \"-1\": invalid syntax",
            "1:99999|v0.12.1|invalid second section of community \"99999\": strconv.ParseUint: parsing \"99999\": value out of range",
            "1:99999|v0.10.2|invalid second section of community \"1\": strconv.ParseUint: parsing \"99999\": value out of range"})
    void parsesConfigMapCommunitiesPerRelease(String community, String version, String error) throws Exception {
        assertThat(BgpCommunity.checkConfigMap(community, MetalLbVersion.parse(version))).isEqualTo(error);
    }
}
