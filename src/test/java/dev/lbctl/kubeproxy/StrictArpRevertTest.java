package dev.lbctl.kubeproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class StrictArpRevertTest {

    private static final String KUBEADM = KubeProxyFixtures.config("kubeadm-ipvs-strictarp-false");

    @Test
    void untouchedSinceTheFixGivesTheSavedTextBack() {
        String fixed = StrictArpPatch.enable(KUBEADM);
        assertThat(StrictArpRevert.revert(KUBEADM, fixed)).isEqualTo(KUBEADM);
    }

    @Test
    void editsToOtherKeysSinceTheFixStay() {
        String fixed = StrictArpPatch.enable(KUBEADM);
        String edited = fixed.replace("  scheduler: \"\"", "  scheduler: \"rr\"").replace("clusterCIDR: \"\"", "clusterCIDR: \"10.244.0.0/16\"");
        assertThat(edited).isNotEqualTo(fixed);

        String reverted = StrictArpRevert.revert(KUBEADM, edited);

        assertThat(reverted).isEqualTo(edited.replace("strictARP: true", "strictARP: false"));
        assertThat(KubeProxyConfigText.parse(reverted).strictArp()).isEqualTo(StrictArpValue.DISABLED);
    }

    @Test
    void anInsertedBlockIsRemovedWhereverItMoved() {
        String before = "mode: ipvs\nclusterCIDR: 10.0.0.0/8\n";
        String fixed = StrictArpPatch.enable(before);
        String edited = "# a comment someone added\n" + fixed + "metricsBindAddress: 0.0.0.0:10249\n";

        assertThat(StrictArpRevert.revert(before, edited))
                .isEqualTo("# a comment someone added\n" + before + "metricsBindAddress: 0.0.0.0:10249\n");
    }

    @Test
    void theStrictArpLineEditedSinceIsRefusedWithTheDiff() {
        String fixed = StrictArpPatch.enable(KUBEADM);
        String edited = fixed.replace("strictARP: true", "strictARP: false # turned off by hand");

        assertThatThrownBy(() -> StrictArpRevert.revert(KUBEADM, edited))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("was edited after lbctl's fix")
                .hasMessageContaining("-  strictARP: true")
                .hasMessageContaining("+  strictARP: false # turned off by hand");
    }

    @Test
    void aKeyAddedUnderAnInsertedBlockIsRefusedRatherThanOrphaned() {
        String before = "mode: ipvs\n";
        String fixed = StrictArpPatch.enable(before);
        String edited = fixed + "  scheduler: rr\n";

        assertThatThrownBy(() -> StrictArpRevert.revert(before, edited)).isInstanceOf(InvalidInputException.class);
    }

    /** Whatever other top-level line is edited after the fix, the revert keeps it and restores strictARP alone. */
    @Property(tries = 200)
    void revertKeepsEveryOtherEdit(@ForAll("lineIndexes") int index, @ForAll("values") String value) {
        String fixed = StrictArpPatch.enable(KUBEADM);
        String[] lines = fixed.split("\n", -1);
        int line = index % lines.length;
        if (!lines[line].matches("[a-zA-Z]+: .*") || lines[line].matches("(ipvs|mode|kind|apiVersion):.*")) {
            return; // only plain top-level values that any string may replace are edited here
        }
        lines[line] = lines[line].substring(0, lines[line].indexOf(':')) + ": " + value;
        String edited = String.join("\n", lines);

        String reverted = StrictArpRevert.revert(KUBEADM, edited);

        assertThat(reverted).isEqualTo(edited.replace("  strictARP: true", "  strictARP: false"));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Integer> lineIndexes() {
        return net.jqwik.api.Arbitraries.integers().between(0, 200);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> values() {
        return net.jqwik.api.Arbitraries.strings().withChars("abc019").ofMinLength(1).ofMaxLength(8).map(s -> "\"" + s + "\"");
    }
}
