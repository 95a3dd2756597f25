package dev.lbctl.kubeproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class KubeProxyConfigTextTest {

    @ParameterizedTest(name = "{0}: mode {1}, strictARP {2}")
    @CsvSource({
        "kubeadm-ipvs-strictarp-false, IPVS, DISABLED",
        "crlf-commented-ipvs, IPVS, DISABLED",
        "ipvs-without-strictarp, IPVS, ABSENT",
        "ipvs-flow-empty, IPVS, ABSENT",
        "ipvs-flow-entries, IPVS, ABSENT",
        "ipvs-null, IPVS, ABSENT",
        "strictarp-empty-value, IPVS, ABSENT",
        "no-ipvs-block, IPVS, ABSENT",
        "sorted-without-ipvs, IPVS, ABSENT",
        "quoted-strictarp-false, IPVS, DISABLED",
        "ipvs-strictarp-true, IPVS, ENABLED",
        "nftables, NFTABLES, DISABLED",
        "iptables-default-mode, DEFAULT, DISABLED",
        "kernelspace, KERNELSPACE, ABSENT",
    })
    void readsModeAndStrictArpFromEachFixture(String fixture, ProxyMode mode, StrictArpValue strictArp) {
        KubeProxyConfigText config = KubeProxyConfigText.parse(KubeProxyFixtures.config(fixture));

        assertThat(config.mode()).isEqualTo(mode);
        assertThat(config.strictArp()).isEqualTo(strictArp);
    }

    @Test
    void aConfigWithoutModeRunsTheDefaultMode() {
        assertThat(KubeProxyConfigText.parse("kind: KubeProxyConfiguration\n").mode()).isEqualTo(ProxyMode.DEFAULT);
        assertThat(KubeProxyConfigText.parse("").mode()).isEqualTo(ProxyMode.DEFAULT);
    }

    @Test
    void keepsTheTextAsGiven() {
        String text = KubeProxyFixtures.config("crlf-commented-ipvs");

        assertThat(KubeProxyConfigText.parse(text).text()).isSameAs(text);
    }

    @Test
    void rejectsAModeKubeProxyDoesNotKnowNamingTheValue() {
        assertThatThrownBy(() -> KubeProxyConfigText.parse("mode: userspace\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("kube-system/kube-proxy config.conf")
                .hasMessageContaining("\"userspace\"");
    }

    @Test
    void rejectsAStrictArpThatIsNotABoolean() {
        assertThatThrownBy(() -> KubeProxyConfigText.parse("mode: ipvs\nipvs:\n  strictARP: maybe\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("ipvs.strictARP: maybe");
    }

    @Test
    void rejectsAnIpvsValueThatIsNotAMapping() {
        assertThatThrownBy(() -> KubeProxyConfigText.parse("mode: ipvs\nipvs: [strictARP]\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a mapping");
    }

    @Test
    void rejectsMalformedYamlWithTheLine() {
        assertThatThrownBy(() -> KubeProxyConfigText.parse("mode: ipvs\nipvs:\n  strictARP: [true\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("kube-system/kube-proxy config.conf:");
    }

    @Test
    void rejectsSeveralDocuments() {
        assertThatThrownBy(() -> KubeProxyConfigText.parse("mode: ipvs\n---\nmode: iptables\n"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a single KubeProxyConfiguration");
    }
}
