package dev.lbctl.metallb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import dev.lbctl.report.Yaml;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    static final BgpSpec ROUTER = new BgpSpec("198.51.100.3", 64512, 64513, Optional.empty(), Optional.of("90s"),
            Map.of("rack", "a"), Optional.of("64512:100"), Optional.of(32), false, Optional.empty());

    @Test
    void withBgpEveryPoolGetsABgpAdvertisementForLbctlsPeerAndNoL2Advertisement() {
        List<Map<String, Object>> rendered = PoolObjects.forCrds(ReleaseCatalog.find("v0.16.1"), List.of(LAN, DMZ),
                Optional.of(ROUTER));

        // As sent: the YAML text, read back (ASNs are longs here and ints in the fixture).
        assertThat(YamlDocuments.parse(Yaml.documents(rendered), "rendered"))
                .isEqualTo(MetallbFixtures.documents("crd-pools/bgp-expected.yaml"));
    }

    @Test
    void l2KeepsTheL2AdvertisementsBesideTheBgpOnes() {
        BgpSpec both = new BgpSpec("198.51.100.3", 64512, 64513, Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), true, Optional.empty());
        List<String> kinds = PoolObjects.forCrds(ReleaseCatalog.find("v0.16.1"), List.of(LAN), Optional.of(both)).stream()
                .map(o -> o.get("kind") + "/" + ((Map<?, ?>) o.get("metadata")).get("name")).toList();

        assertThat(kinds).containsExactly("IPAddressPool/lan", "L2Advertisement/lan-l2", "BGPAdvertisement/lan-bgp",
                "BGPPeer/lbctl-peer-198-51-100-3");
    }

    @Test
    void thePeerIsNamedAfterItsAddress() {
        BgpSpec v6 = new BgpSpec("2001:DB8::1", 64512, 64513, Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty());
        assertThat(v6.peerName()).isEqualTo("lbctl-peer-2001-db8-1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {0, -1, 4_294_967_296L})
    void asNumbersOutsideTheirRangeAreRefused(long asn) {
        assertThatThrownBy(() -> new BgpSpec("198.51.100.3", asn, 64513, Optional.empty(), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--peer-asn " + asn + " is not an AS number (1-4294967295).");
    }

    @Test
    void thePeerPortMustBeATcpPort() {
        assertThatThrownBy(() -> new BgpSpec("198.51.100.3", 64512, 64513, Optional.of(70000), Optional.empty(), Map.of(),
                Optional.empty(), Optional.empty(), false, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("--peer-port 70000 is not a TCP port (1-65535).");
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
