package dev.lbctl.kubeproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictArpPatchTest {

    /** Each fixture's expected.conf was written by hand (sed/awk on the input), not produced by this code. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "kubeadm-ipvs-strictarp-false",  // the one line flips
        "crlf-commented-ipvs",           // CRLF, header comments, trailing comment on the line kept
        "quoted-strictarp-false",        // "false" becomes "true", quotes kept
        "strictarp-empty-value",         // "strictARP:" gets a value
        "ipvs-without-strictarp",        // inserted at its sorted place, above the comment of the next key
        "ipvs-flow-entries",             // appended inside the flow mapping, on the same line
        "ipvs-flow-empty",               // {} becomes a block, indented like the file's other blocks (4 spaces)
        "ipvs-null",                     // null becomes a block, its comment kept
        "no-ipvs-block",                 // unsorted keys: block appended after the last entry, before the final comment
        "sorted-without-ipvs",           // kubeadm's sorted keys: block inserted between iptables and kind
        "no-final-newline",              // CRLF kept, and the text still ends without a line break
    })
    void patchesOnlyStrictArpByteForByte(String fixture) {
        String patched = StrictArpPatch.enable(KubeProxyFixtures.config(fixture));

        assertThat(patched).isEqualTo(KubeProxyFixtures.expectedPatch(fixture));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kubeadm-ipvs-strictarp-false", "ipvs-null", "no-ipvs-block", "no-final-newline"})
    void patchingTwiceChangesNothingMore(String fixture) {
        String once = StrictArpPatch.enable(KubeProxyFixtures.config(fixture));

        assertThat(StrictArpPatch.enable(once)).isSameAs(once);
    }

    @Test
    void leavesAnEnabledConfigUntouched() {
        String text = KubeProxyFixtures.config("ipvs-strictarp-true");

        assertThat(StrictArpPatch.enable(text)).isSameAs(text);
    }

    @Test
    void addsIpvsToAFlowStyleDocument() {
        assertThat(StrictArpPatch.enable("{kind: KubeProxyConfiguration, mode: ipvs}\n"))
                .isEqualTo("{kind: KubeProxyConfiguration, mode: ipvs, ipvs: {strictARP: true}}\n");
    }

    @Test
    void refusesAPatchThatWouldAlsoChangeAnotherValue() {
        // ipvs is an alias: editing the anchored mapping would change "defaults" too, which the re-parse detects.
        String text = "defaults: &ipvs {scheduler: rr}\nmode: ipvs\nipvs: *ipvs\n";

        assertThatThrownBy(() -> StrictArpPatch.enable(text))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("without changing other values")
                .hasMessageContaining("kubectl -n kube-system edit configmap kube-proxy");
    }

    @Test
    void refusesAnEmptyConfig() {
        assertThatThrownBy(() -> StrictArpPatch.enable(""))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("is empty");
    }
}
