package dev.lbctl.metallb;

import static dev.lbctl.metallb.PoolObjectsTest.LAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.config.BgpPeerSpec;
import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.LegacyBgpAdvertisement;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.Problem;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import dev.lbctl.pool.MetalLbVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * BGP in the ConfigMap of v0.9 to v0.12: lbctl's peer and BGP pools rendered in MetalLB's format, merged beside the
 * user's own peers, pools and community aliases (which stay as they are and are reported as theirs), and removed again.
 */
class LegacyBgpMergeTest {

    static final BgpSpec ROUTER = new BgpSpec("10.0.0.2", 64502, 64500, Optional.of(1179), Optional.of("90s"),
            Map.of("rack", "a"), Optional.of("64512:100"), Optional.of(32), false, Optional.empty());
    private static final LegacyBgpConfig LAN_BY_BGP = LegacyBgpConfig.forPeer(List.of(LAN), ROUTER);

    private static LegacyPoolConfig.Update install(Optional<String> existing, LegacyPoolConfig.Owned owned) {
        return LegacyPoolConfig.merge(existing, owned, List.of(LAN), LAN_BY_BGP, Optional.empty());
    }

    private static String fixture(String path) {
        return MetallbFixtures.text("legacy/" + path);
    }

    private static List<Object> asMetalLbReadsIt(String text) {
        return YamlDocuments.parseLikeYamlV2(text, "result");
    }

    @Test
    void withoutAConfigMapTheConfigHoldsLbctlsPeerAndItsPoolAsABgpPool() {
        LegacyPoolConfig.Update update = install(Optional.empty(), LegacyPoolConfig.Owned.NOTHING);

        assertThat(asMetalLbReadsIt(update.configText())).isEqualTo(asMetalLbReadsIt(fixture("bgp-peer-alone/expected.yaml")));
        assertThat(update.owned().annotations()).containsExactly(
                Map.entry(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION, "lan"),
                Map.entry(LegacyPoolConfig.MANAGED_PEERS_ANNOTATION, "10.0.0.2"));
        assertThat(update.theirs()).isEmpty();
    }

    /** The rendered text read back by lbctl's model of config.Parse (strict fields, as yaml.v2 UnmarshalStrict). */
    @ParameterizedTest(name = "MetalLB v0.{0}")
    @ValueSource(ints = {12, 11, 10})
    void theRenderedConfigIsWhatMetalLbParsesWithTheValuesGiven(int minor) {
        String text = install(Optional.empty(), LegacyPoolConfig.Owned.NOTHING).configText();
        MetalLbConfig read = ConfigFiles.read(text, "rendered");

        List<Problem> problems = ConfigValidator.validate(read, MetalLbVersion.of(0, minor, minor == 12 ? 1 : 0));

        assertThat(problems).filteredOn(Problem::isError).isEmpty();
        BgpPeerSpec peer = read.peers().get(0);
        assertThat(List.of(peer.address(), peer.peerAsn(), peer.myAsn(), peer.port(), peer.holdTime()))
                .containsExactly("10.0.0.2", 64502L, 64500L, 1179L, "90s");
        assertThat(peer.nodeSelectors()).hasSize(1);
        assertThat(read.poolSpecs().get(0).protocol()).isEqualTo("bgp");
        LegacyBgpAdvertisement ad = read.poolSpecs().get(0).bgpAdvertisements().get(0);
        assertThat(ad.aggregationLength()).isEqualTo(32L);
        assertThat(ad.communities()).containsExactly("64512:100");
    }

    @Test
    void theUsersPeerAliasAndPoolStayAsTheyAreAndAreListedAsTheirs() {
        LegacyPoolConfig.Update update = install(Optional.of(fixture("bgp-peer-merged/existing.yaml")), LegacyPoolConfig.Owned.NOTHING);

        assertThat(asMetalLbReadsIt(update.configText())).isEqualTo(asMetalLbReadsIt(fixture("bgp-peer-merged/expected.yaml")));
        assertThat(update.theirs()).containsExactly("pool bgp-public", "peer 10.0.0.1", "bgp-community no-export");
        assertThat(update.owned().peers()).containsExactly("10.0.0.2");
        assertThat(update.owned().communities()).isEmpty();
    }

    @Test
    void installingAgainChangesNothing() {
        LegacyPoolConfig.Update first = install(Optional.of(fixture("bgp-peer-merged/existing.yaml")), LegacyPoolConfig.Owned.NOTHING);

        LegacyPoolConfig.Update again = install(Optional.of(first.configText()), first.owned());

        assertThat(again.changed()).isFalse();
        assertThat(again.configText()).isSameAs(first.configText());
    }

    @Test
    void uninstallRemovesLbctlsPeerAndPoolAndGivesBackTheUsersConfig() {
        String existing = fixture("bgp-peer-merged/existing.yaml");
        LegacyPoolConfig.Update installed = install(Optional.of(existing), LegacyPoolConfig.Owned.NOTHING);
        LegacyPoolConfig.Owned owned = LegacyPoolConfig.Owned.of(installed.owned().annotations());

        LegacyPoolConfig.Update uninstalled = LegacyPoolConfig.withoutManagedEntries(Optional.of(installed.configText()), owned);

        assertThat(LegacyPoolConfig.sameConfiguration(uninstalled.configText(), existing)).isTrue();
        assertThat(uninstalled.owned().annotations()).containsOnlyKeys(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION);
    }

    @Test
    void lbctlsPeerIsReplacedWhereItWasAndTheUsersPeersAroundItStay() {
        String existing = """
                peers:
                - {peer-address: 10.0.0.1, peer-asn: 64501, my-asn: 64500}
                - {peer-address: 10.0.0.2, peer-asn: 65000, my-asn: 64500}
                - {peer-address: 10.0.0.3, peer-asn: 64503, my-asn: 64500}
                """;

        LegacyPoolConfig.Update update = install(Optional.of(existing),
                new LegacyPoolConfig.Owned(Set.of(), Set.of("10.0.0.2"), Set.of()));

        List<?> peers = (List<?>) ((Map<?, ?>) asMetalLbReadsIt(update.configText()).get(0)).get("peers");
        assertThat(peers).extracting(p -> ((Map<?, ?>) p).get("peer-address") + "/" + ((Map<?, ?>) p).get("peer-asn"))
                .containsExactly("10.0.0.1/64501", "10.0.0.2/64502", "10.0.0.3/64503");
    }

    @Test
    void aPeerOfTheSameAddressThatLbctlDidNotCreateIsRefused() {
        String existing = "peers:\n- {peer-address: 10.0.0.2, peer-asn: 64502, my-asn: 64500}\n";

        assertThatThrownBy(() -> install(Optional.of(existing), LegacyPoolConfig.Owned.NOTHING))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("ConfigMap metallb-system/config already has a peer 10.0.0.2 that lbctl did not create");
    }

    @Test
    void anAliasTheUserHasWithTheSameValueStaysTheirsAndAnotherValueIsRefused() {
        LegacyBgpConfig withAlias = LegacyBgpConfig.fromFile(Map.of("bgp-communities", Map.of("no-export", "65535:65281")));
        String same = "bgp-communities:\n  no-export: 65535:65281\n";
        String other = "bgp-communities:\n  no-export: 65535:1\n";

        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(Optional.of(same), LegacyPoolConfig.Owned.NOTHING, List.of(LAN),
                withAlias, Optional.empty());

        assertThat(update.owned().communities()).isEmpty();
        assertThat(update.theirs()).contains("bgp-community no-export");
        assertThatThrownBy(() -> LegacyPoolConfig.merge(Optional.of(other), LegacyPoolConfig.Owned.NOTHING, List.of(LAN),
                withAlias, Optional.empty()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("bgp-communities alias no-export that lbctl did not create");
    }

    @Test
    void lbctlsOwnAliasIsRecordedAndRemovedAtUninstall() {
        LegacyBgpConfig withAlias = LegacyBgpConfig.fromFile(Map.of("bgp-communities", Map.of("ours", "64512:7")));

        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(Optional.empty(), LegacyPoolConfig.Owned.NOTHING, List.of(LAN),
                withAlias, Optional.empty());

        assertThat(update.owned().annotations()).containsEntry(LegacyPoolConfig.MANAGED_COMMUNITIES_ANNOTATION, "ours");
        assertThat(LegacyPoolConfig.withoutManagedEntries(Optional.of(update.configText()), update.owned()).configText()).isEmpty();
    }

    /** yaml.v2 has no base-60 numbers: an unquoted 64512:10 is the community MetalLB reads, and must be written back as such. */
    @Test
    void communitiesThatLookLikeBase60NumbersAreKeptAsWritten() {
        String existing = """
                bgp-communities:
                  backbone: 65535:10
                address-pools:
                - name: public
                  protocol: bgp
                  addresses: [198.51.100.0/24]
                  bgp-advertisements:
                  - communities: [64512:10, backbone]
                """;

        LegacyPoolConfig.Update update = install(Optional.of(existing), LegacyPoolConfig.Owned.NOTHING);

        assertThat(update.configText()).contains("backbone: 65535:10").contains("- 64512:10");
        assertThat(ConfigValidator.validate(ConfigFiles.read(update.configText(), "merged"), ReleaseCatalog.find("v0.12.1").version()))
                .filteredOn(Problem::isError).isEmpty();
    }

    @Test
    void thePasswordFromTheSecretIsWrittenForLbctlsPeerButNeverShown() {
        PeerPassword password = new PeerPassword("metallb-system/router-md5", "s3cr3t-value");

        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(Optional.empty(), LegacyPoolConfig.Owned.NOTHING, List.of(LAN),
                LAN_BY_BGP, Optional.of(password));

        assertThat(update.configText()).contains("password: s3cr3t-value");
        assertThat(update.toString()).doesNotContain("s3cr3t-value");
        assertThat(password.toString()).isEqualTo("password from Secret metallb-system/router-md5");
    }

    @Test
    void aFilesBgpEntriesAreTakenAsWritten() {
        Map<String, Object> file = LegacyPoolConfig.fileConfig("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: config, namespace: metallb-system}
                data:
                  config: |
                    bgp-communities: {backbone: 65535:10}
                    peers:
                    - {peer-address: 10.0.0.9, peer-asn: 64509, my-asn: 64500, source-address: 10.0.0.100}
                    address-pools:
                    - name: public
                      protocol: bgp
                      addresses: [198.51.100.0/24]
                      bgp-advertisements: [{aggregation-length: 24, localpref: 50}]
                    - {name: home, protocol: layer2, addresses: [192.168.1.240/28]}
                """, "file.yaml");

        LegacyBgpConfig bgp = LegacyBgpConfig.fromFile(file);

        assertThat(bgp.bgpPools()).containsExactly("public");
        assertThat(bgp.advertisements().get("public")).containsExactly(Map.of("aggregation-length", 24, "localpref", 50));
        assertThat(bgp.peers()).containsExactly(Map.of("peer-address", "10.0.0.9", "peer-asn", 64509, "my-asn", 64500,
                "source-address", "10.0.0.100"));
        assertThat(bgp.communities()).containsExactly(Map.entry("backbone", "65535:10"));
        assertThat(bgp.passwordSecret()).isEmpty();
    }

    @Test
    void theAnnotationsOfANewMergeReplaceStaleOnes() {
        Map<String, String> before = Map.of("other", "kept", LegacyPoolConfig.MANAGED_PEERS_ANNOTATION, "10.0.0.2",
                LegacyPoolConfig.MANAGED_POOLS_ANNOTATION, "lan");

        Map<String, String> after = new LegacyPoolConfig.Owned(Set.of("lan"), Set.of(), Set.of()).replacing(before);

        assertThat(after).containsOnly(Map.entry("other", "kept"), Map.entry(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION, "lan"));
    }
}
