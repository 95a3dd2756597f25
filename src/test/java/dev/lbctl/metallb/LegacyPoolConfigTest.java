package dev.lbctl.metallb;

import static dev.lbctl.metallb.PoolObjectsTest.DMZ;
import static dev.lbctl.metallb.PoolObjectsTest.LAN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LegacyPoolConfigTest {

    /** Layer 2 pools only: lbctl owns no peer or alias here. */
    private static LegacyPoolConfig.Update merge(Optional<String> existing, Set<String> managedPools, List<PoolSpec> pools) {
        return LegacyPoolConfig.merge(existing, new LegacyPoolConfig.Owned(managedPools, Set.of(), Set.of()), pools,
                LegacyBgpConfig.NONE, Optional.empty());
    }

    private static LegacyPoolConfig.Update withoutManagedPools(Optional<String> existing, Set<String> managedPools) {
        return LegacyPoolConfig.withoutManagedEntries(existing, new LegacyPoolConfig.Owned(managedPools, Set.of(), Set.of()));
    }

    private static Optional<String> existing(String fixture) {
        return Optional.of(MetallbFixtures.text("legacy/" + fixture + "/existing.yaml"));
    }

    private static void assertSameConfig(String text, String fixture) {
        assertThat(YamlDocuments.parse(text, "result"))
                .isEqualTo(MetallbFixtures.documents("legacy/" + fixture + "/expected.yaml"));
    }

    @Test
    void withoutAConfigMapTheConfigHoldsOnlyLbctlsPools() {
        LegacyPoolConfig.Update update = merge(Optional.empty(), Set.of(), List.of(LAN));

        assertThat(update.configText()).isEqualTo("""
                address-pools:
                - name: lan
                  protocol: layer2
                  addresses:
                  - 192.168.10.240/28
                  - 192.168.10.200-192.168.10.210
                  auto-assign: true
                  avoid-buggy-ips: false
                """);
        assertThat(update.owned().annotations().get(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)).isEqualTo("lan");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void keepsPoolsAndPeersLbctlDidNotCreateAndAppendsItsOwn() {
        LegacyPoolConfig.Update update = merge(existing("foreign-pool-and-peers"), Set.of(), List.of(LAN));

        assertSameConfig(update.configText(), "foreign-pool-and-peers");
        assertThat(update.owned().pools()).containsExactly("lan");
    }

    @Test
    void replacesAManagedPoolInPlace() {
        LegacyPoolConfig.Update update = merge(existing("managed-pool-replaced-in-place"), Set.of("lan"), List.of(LAN));

        assertSameConfig(update.configText(), "managed-pool-replaced-in-place");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void removesAManagedPoolNoLongerWanted() {
        LegacyPoolConfig.Update update = merge(existing("managed-pool-no-longer-wanted"), Set.of("lan", "dmz"), List.of(LAN));

        assertSameConfig(update.configText(), "managed-pool-no-longer-wanted");
        assertThat(update.owned().annotations().get(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)).isEqualTo("lan");
    }

    @Test
    void leavesTheTextWithItsCommentsAloneWhenNothingChanges() {
        Optional<String> text = existing("unchanged-keeps-text");

        LegacyPoolConfig.Update update = merge(text, Set.of("lan"), List.of(LAN));

        assertThat(update.configText()).isSameAs(text.get());
        assertThat(update.changed()).isFalse();
    }

    @Test
    void aManagedPoolRemovedByHandIsWrittenAgain() {
        LegacyPoolConfig.Update update = merge(existing("foreign-pool-and-peers"), Set.of("lan"), List.of(LAN));

        assertSameConfig(update.configText(), "foreign-pool-and-peers");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void anUnchangedPoolListWithANewlyManagedNameOnlyChangesTheAnnotation() {
        Optional<String> text = existing("unchanged-keeps-text");

        LegacyPoolConfig.Update update = merge(text, Set.of("lan", "dmz"), List.of(LAN));

        assertThat(update.configText()).isSameAs(text.get());
        assertThat(update.owned().annotations().get(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)).isEqualTo("lan");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void refusesToReplaceAPoolOfTheSameNameThatLbctlDoesNotManage() {
        assertThatThrownBy(() -> merge(existing("name-clash"), Set.of(), List.of(LAN)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ConfigMap metallb-system/config already has a pool \"lan\" that lbctl did not create;"
                        + " give lbctl's pool another name or remove that pool by hand.");
    }

    @Test
    void uninstallRemovesOnlyTheManagedPools() {
        LegacyPoolConfig.Update update = withoutManagedPools(existing("uninstall"), Set.of("lan"));

        assertSameConfig(update.configText(), "uninstall");
        assertThat(update.owned().pools()).isEmpty();
        assertThat(update.owned().annotations().get(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)).isEmpty();
    }

    @Test
    void uninstallOfTheLastPoolLeavesAnEmptyConfig() {
        LegacyPoolConfig.Update install = merge(Optional.empty(), Set.of(), List.of(LAN, DMZ));

        LegacyPoolConfig.Update uninstall = withoutManagedPools(Optional.of(install.configText()), install.owned().pools());

        assertThat(uninstall.configText()).isEmpty();
    }

    @Test
    void keepsThePoolOfTheUpstreamExampleConfigMap() {
        Map<?, ?> example = (Map<?, ?>) YamlDocuments.parse(
                new String(SharedMetalLb.bytes("v0.10.2", "example-layer2-config.yaml")), "example").get(0);
        String config = (String) ((Map<?, ?>) example.get("data")).get("config");

        LegacyPoolConfig.Update update = merge(Optional.of(config), Set.of(), List.of(DMZ));

        assertThat(update.configText()).contains("name: my-ip-space").contains("name: dmz");
    }

    @Test
    void theManagedPoolsAnnotationIsASortedCommaList() {
        assertThat(LegacyPoolConfig.Owned.of(Map.of(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION, " lan, dmz ,,")).pools()).containsExactlyInAnyOrder("lan", "dmz");
        assertThat(LegacyPoolConfig.Owned.of(Map.of()).pools()).isEmpty();
        assertThat(merge(Optional.empty(), Set.of(), List.of(LAN, DMZ)).owned().annotations().get(LegacyPoolConfig.MANAGED_POOLS_ANNOTATION)).isEqualTo("dmz,lan");
    }

    @Test
    void refusesTheSamePoolNameTwice() {
        assertThatThrownBy(() -> merge(Optional.empty(), Set.of(), List.of(LAN, LAN)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pool \"lan\" is given twice");
    }
}
