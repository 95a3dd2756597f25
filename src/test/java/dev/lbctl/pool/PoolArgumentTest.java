package dev.lbctl.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoolArgumentTest {

    private static AddressPool parse(String text) throws InvalidAddressException {
        return PoolArgument.parse(text, "default", MetalLbVersion.LATEST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.168.100.240-250 | 192.168.100.240-192.168.100.250 | 11",
        "192.168.100.240 - 192.168.100.250 | 192.168.100.240-192.168.100.250 | 11",
        "192.168.100.240/29 | 192.168.100.240/29 | 8",
        "192.168.100.7 | 192.168.100.7/32 | 1",
        "fc00::1 | fc00::1/128 | 1",
        "fc00::/120 | fc00::/120 | 256",
        "fc00::10-fc00::1f | fc00::10-fc00::1f | 16",
    })
    void acceptsTheCommandLineForms(String argument, String normalized, String size) throws InvalidAddressException {
        AddressPool pool = parse(argument);
        assertThat(pool.name()).isEqualTo("default");
        assertThat(pool.addresses()).containsExactly(normalized);
        assertThat(pool.size()).hasToString(size);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "web=10.0.0.0/30,10.0.1.5 | web | 5",
    })
    void namesAndSeveralBlocks(String argument, String name, String size) throws InvalidAddressException {
        AddressPool pool = parse(argument);
        assertThat(pool.name()).isEqualTo(name);
        assertThat(pool.size()).hasToString(size);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "192.168.100.240-300 | 300",
        "fc00::1-20 | must be a last IPv4 octet",
        "hello | \"hello\" is not an IP address",
        "Bad_Name=10.0.0.0/24 | invalid pool name \"Bad_Name\"",
        "web= | has no addresses",
    })
    void rejectsWithASentenceNamingTheValue(String argument, String fragment) {
        assertThatThrownBy(() -> parse(argument)).isInstanceOf(InvalidAddressException.class).hasMessageContaining(fragment);
    }
}
