package dev.lbctl.kubeproxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnifiedDiffTest {

    private static String diff(String oldText, String newText) {
        return UnifiedDiff.of(oldText, newText, "a", "b");
    }

    /** expected.diff is GNU {@code diff -u} output for the fixture pair (with CRs removed), an independent oracle. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "kubeadm-ipvs-strictarp-false", "crlf-commented-ipvs", "ipvs-without-strictarp", "ipvs-null",
        "no-ipvs-block", "sorted-without-ipvs", "no-final-newline", "ipvs-flow-empty",
    })
    void printsWhatGnuDiffPrints(String fixture) {
        String diff = UnifiedDiff.of(KubeProxyFixtures.config(fixture), KubeProxyFixtures.expectedPatch(fixture),
                "live/kube-system/kube-proxy/config.conf", "patched/kube-system/kube-proxy/config.conf");

        assertThat(diff).isEqualTo(KubeProxyFixtures.expectedDiff(fixture));
    }

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(diff("a\nb\n", "a\nb\n")).isEmpty();
        assertThat(diff("", "")).isEmpty();
    }

    @Test
    void anInsertionIntoAnEmptyTextStartsAtLineZero() {
        assertThat(diff("", "x\n")).isEqualTo("--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");
    }

    @Test
    void changesFarApartGetSeparateHunks() {
        String oldText = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String newText = "one\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\ntwelve\n";

        assertThat(diff(oldText, newText)).isEqualTo("""
                --- a
                +++ b
                @@ -1,4 +1,4 @@
                -1
                +one
                 2
                 3
                 4
                @@ -9,4 +9,4 @@
                 9
                 10
                 11
                -12
                +twelve
                """);
    }

    @Test
    void changesSixLinesApartShareOneHunk() {
        String oldText = "1\n2\n3\n4\n5\n6\n7\n8\n";
        String newText = "one\n2\n3\n4\n5\n6\n7\neight\n";

        assertThat(diff(oldText, newText)).startsWith("--- a\n+++ b\n@@ -1,8 +1,8 @@\n-1\n+one\n");
    }

    @Test
    void aMissingFinalNewlineIsMarked() {
        assertThat(diff("a\nb", "a\nc")).isEqualTo("""
                --- a
                +++ b
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +c
                \\ No newline at end of file
                """);
    }
}
