package dev.lbctl.metallb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoolObjectsTest {

    static final PoolSpec LAN = new PoolSpec("lan", List.of("192.168.10.240/28", "192.168.10.200-192.168.10.210"), true, false);
    static final PoolSpec DMZ = new PoolSpec("dmz", List.of("203.0.113.0/24"), false, true);

    @Test
    void rendersOnePoolAndOneLabelledL2AdvertisementPerPool() {
        List<Object> rendered = List.copyOf(PoolObjects.forCrds(ReleaseCatalog.find("v0.16.1"), List.of(LAN, DMZ)));

        assertThat(rendered).isEqualTo(MetallbFixtures.documents("crd-pools/expected.yaml"));
    }

    @Test
    void theAdvertisementIsNamedAfterItsPool() {
        assertThat(PoolObjects.l2AdvertisementName("lan")).isEqualTo("lan-l2");
    }

    @Test
    void configMapReleasesHaveNoPoolObjects() {
        assertThatThrownBy(() -> PoolObjects.forCrds(ReleaseCatalog.find("v0.12.1"), List.of(LAN)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "Lan", "lan_1", "-lan", "lan-", "a234567890123456789012345678901234567890123456789012345678901"})
    void poolNamesMustStayValidObjectNamesWithTheSuffix(String name) {
        assertThatThrownBy(() -> new PoolSpec(name, List.of("10.0.0.0/24"), true, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pool name \"" + name + "\"");
    }

    @Test
    void aPoolNeedsAddresses() {
        assertThatThrownBy(() -> new PoolSpec("lan", List.of(), true, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("pool \"lan\" has no addresses; give at least one CIDR or range.");
    }
}
