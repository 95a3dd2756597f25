package dev.lbctl.kubeproxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.kubeproxy.StrictArpResult.Status;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StrictArpCheckTest {

    private static StrictArpResult check(String fixture) {
        return StrictArpCheck.evaluate(Optional.of(KubeProxyFixtures.config(fixture)));
    }

    @Test
    void noKubeProxyConfigMapAsOnK3sNeedsNothing() {
        StrictArpResult result = StrictArpCheck.evaluate(Optional.empty());

        assertThat(result.status()).isEqualTo(Status.NOT_NEEDED);
        assertThat(result.reason()).contains("no kube-system/kube-proxy ConfigMap");
        assertThat(result.patchedText()).isEmpty();
        assertThat(result.diff()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "nftables, nftables mode",
        "iptables-default-mode, default mode, which is iptables",
        "kernelspace, kernelspace (Windows) mode",
    })
    void modesOtherThanIpvsNeedNothingEvenWithStrictArpFalse(String fixture, String reason) {
        StrictArpResult result = check(fixture);

        assertThat(result.status()).isEqualTo(Status.NOT_NEEDED);
        assertThat(result.reason()).contains(reason);
        assertThat(result.patchedText()).isEmpty();
    }

    @Test
    void ipvsWithStrictArpTrueIsOk() {
        StrictArpResult result = check("ipvs-strictarp-true");

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.diff()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"kubeadm-ipvs-strictarp-false", "crlf-commented-ipvs", "ipvs-without-strictarp", "ipvs-null",
        "no-ipvs-block", "quoted-strictarp-false"})
    void ipvsWithoutStrictArpNeedsTheMinimalPatchAndShowsItsDiff(String fixture) {
        StrictArpResult result = check(fixture);

        assertThat(result.status()).isEqualTo(Status.NEEDS_CHANGE);
        assertThat(result.patchedText()).contains(KubeProxyFixtures.expectedPatch(fixture));
        assertThat(result.diff()).contains(KubeProxyFixtures.expectedDiff(fixture));
        assertThat(result.reason()).contains("restart kube-proxy");
    }

    @Test
    void theReasonSaysWhetherStrictArpWasFalseOrMissing() {
        assertThat(check("kubeadm-ipvs-strictarp-false").reason()).contains("ipvs.strictARP false");
        assertThat(check("ipvs-without-strictarp").reason()).contains("ipvs.strictARP not set");
    }
}
