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

    private static Optional<String> existing(String fixture) {
        return Optional.of(MetallbFixtures.text("legacy/" + fixture + "/existing.yaml"));
    }

    private static void assertSameConfig(String text, String fixture) {
        assertThat(YamlDocuments.parse(text, "result"))
                .isEqualTo(MetallbFixtures.documents("legacy/" + fixture + "/expected.yaml"));
    }

    @Test
    void withoutAConfigMapTheConfigHoldsOnlyLbctlsPools() {
        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(Optional.empty(), Set.of(), List.of(LAN));

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
        assertThat(update.managedPoolsAnnotation()).isEqualTo("lan");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void keepsPoolsAndPeersLbctlDidNotCreateAndAppendsItsOwn() {
        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(existing("foreign-pool-and-peers"), Set.of(), List.of(LAN));

        assertSameConfig(update.configText(), "foreign-pool-and-peers");
        assertThat(update.managedPools()).containsExactly("lan");
    }

    @Test
    void replacesAManagedPoolInPlace() {
        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(existing("managed-pool-replaced-in-place"), Set.of("lan"), List.of(LAN));

        assertSameConfig(update.configText(), "managed-pool-replaced-in-place");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void removesAManagedPoolNoLongerWanted() {
        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(existing("managed-pool-no-longer-wanted"), Set.of("lan", "dmz"), List.of(LAN));

        assertSameConfig(update.configText(), "managed-pool-no-longer-wanted");
        assertThat(update.managedPoolsAnnotation()).isEqualTo("lan");
    }

    @Test
    void leavesTheTextWithItsCommentsAloneWhenNothingChanges() {
        Optional<String> text = existing("unchanged-keeps-text");

        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(text, Set.of("lan"), List.of(LAN));

        assertThat(update.configText()).isSameAs(text.get());
        assertThat(update.changed()).isFalse();
    }

    @Test
    void aManagedPoolRemovedByHandIsWrittenAgain() {
        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(existing("foreign-pool-and-peers"), Set.of("lan"), List.of(LAN));

        assertSameConfig(update.configText(), "foreign-pool-and-peers");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void anUnchangedPoolListWithANewlyManagedNameOnlyChangesTheAnnotation() {
        Optional<String> text = existing("unchanged-keeps-text");

        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(text, Set.of("lan", "dmz"), List.of(LAN));

        assertThat(update.configText()).isSameAs(text.get());
        assertThat(update.managedPoolsAnnotation()).isEqualTo("lan");
        assertThat(update.changed()).isTrue();
    }

    @Test
    void refusesToReplaceAPoolOfTheSameNameThatLbctlDoesNotManage() {
        assertThatThrownBy(() -> LegacyPoolConfig.merge(existing("name-clash"), Set.of(), List.of(LAN)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("ConfigMap metallb-system/config already has a pool \"lan\" that lbctl did not create;"
                        + " give lbctl's pool another name or remove that pool by hand.");
    }

    @Test
    void uninstallRemovesOnlyTheManagedPools() {
        LegacyPoolConfig.Update update = LegacyPoolConfig.withoutManagedPools(existing("uninstall"), Set.of("lan"));

        assertSameConfig(update.configText(), "uninstall");
        assertThat(update.managedPools()).isEmpty();
        assertThat(update.managedPoolsAnnotation()).isEmpty();
    }

    @Test
    void uninstallOfTheLastPoolLeavesAnEmptyConfig() {
        LegacyPoolConfig.Update install = LegacyPoolConfig.merge(Optional.empty(), Set.of(), List.of(LAN, DMZ));

        LegacyPoolConfig.Update uninstall = LegacyPoolConfig.withoutManagedPools(Optional.of(install.configText()), install.managedPools());

        assertThat(uninstall.configText()).isEmpty();
    }

    @Test
    void keepsThePoolOfTheUpstreamExampleConfigMap() {
        Map<?, ?> example = (Map<?, ?>) YamlDocuments.parse(
                new String(SharedMetalLb.bytes("v0.10.2", "example-layer2-config.yaml")), "example").get(0);
        String config = (String) ((Map<?, ?>) example.get("data")).get("config");

        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(Optional.of(config), Set.of(), List.of(DMZ));

        assertThat(update.configText()).contains("name: my-ip-space").contains("name: dmz");
    }

    @Test
    void theManagedPoolsAnnotationIsASortedCommaList() {
        assertThat(LegacyPoolConfig.managedPools(Optional.of(" lan, dmz ,,"))).containsExactlyInAnyOrder("lan", "dmz");
        assertThat(LegacyPoolConfig.managedPools(Optional.empty())).isEmpty();
        assertThat(LegacyPoolConfig.merge(Optional.empty(), Set.of(), List.of(LAN, DMZ)).managedPoolsAnnotation()).isEqualTo("dmz,lan");
    }

    @Test
    void refusesTheSamePoolNameTwice() {
        assertThatThrownBy(() -> LegacyPoolConfig.merge(Optional.empty(), Set.of(), List.of(LAN, LAN)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("pool \"lan\" is given twice");
    }
}
