package dev.lbctl.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AnsweringNodeTest {

    private static final Map<String, String> NODE_MACS = Map.of("lbctl-dp-1", "5a:0c:11:22:33:01",
            "lbctl-dp-2", "5a:0c:11:22:33:02", "lbctl-dp-3", "5a:0c:11:22:33:03");

    private static NeighbourTable fixture() throws IOException {
        try (InputStream in = AnsweringNodeTest.class.getResourceAsStream("/neighbours/client-netns.arp")) {
            return NeighbourTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void completeEntriesAreReadWithLowerCaseMacsAndIncompleteOnesAreNot() throws IOException {
        NeighbourTable table = fixture();
        assertThat(table.entry("198.51.100.240")).contains(new NeighbourTable.Entry("198.51.100.240", "5a:0c:11:22:33:02", "eth0"));
        assertThat(table.entry("198.51.100.13")).map(NeighbourTable.Entry::mac).contains("5a:0c:11:22:33:03");
        assertThat(table.entry("198.51.100.99")).isEmpty();
        assertThat(table.entry("198.51.100.250")).isEmpty();
        assertThat(NeighbourTable.parse("").entry("198.51.100.240")).isEmpty();
    }

    @Test
    void theNodeWhoseMacAnsweredAgreesWithMetalLb() throws IOException {
        AnsweringNode.Verdict v = new AnsweringNode("198.51.100.240", fixture().entry("198.51.100.240"), NODE_MACS,
                Optional.of("lbctl-dp-2"), Optional.of("lbctl-dp-2"), List.of("eth0")).judge();
        assertThat(v.passed()).isTrue();
        assertThat(v.node()).contains("lbctl-dp-2");
        assertThat(v.message()).isEqualTo("198.51.100.240 is at 5a:0c:11:22:33:02 (learned on eth0): node lbctl-dp-2 answered,"
                + " as MetalLB says (nodeAssigned event: lbctl-dp-2, ServiceL2Status: lbctl-dp-2 on eth0)");
    }

    @Test
    void anotherNodeAnsweringThanMetalLbNamesFails() throws IOException {
        AnsweringNode.Verdict v = new AnsweringNode("198.51.100.240", fixture().entry("198.51.100.240"), NODE_MACS,
                Optional.of("lbctl-dp-2"), Optional.of("lbctl-dp-1"), List.of()).judge();
        assertThat(v.passed()).isFalse();
        assertThat(v.message()).contains("node lbctl-dp-2 answered, but MetalLB announces from another node")
                .contains("ServiceL2Status: lbctl-dp-1");
    }

    @Test
    void offTheSegmentItIsInformationNeverAFailure() {
        AnsweringNode.Verdict v = new AnsweringNode("192.168.100.240", Optional.empty(), Map.of(),
                Optional.of("worker-1"), Optional.empty(), List.of()).judge();
        assertThat(v.passed()).isTrue();
        assertThat(v.node()).isEmpty();
        assertThat(v.message()).startsWith("information: this machine has no neighbour entry for 192.168.100.240")
                .endsWith("MetalLB announces from nodeAssigned event: worker-1");
    }

    @Test
    void aMacOfNoKnownNodeIsInformation() throws IOException {
        AnsweringNode.Verdict v = new AnsweringNode("198.51.100.240", fixture().entry("198.51.100.240"),
                Map.of("lbctl-dp-1", "5a:0c:11:22:33:01"), Optional.of("lbctl-dp-2"), Optional.empty(), List.of()).judge();
        assertThat(v.passed()).isTrue();
        assertThat(v.message()).startsWith("information: 198.51.100.240 is at 5a:0c:11:22:33:02");
    }
}
