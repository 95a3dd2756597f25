package dev.lbctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.cli.StatusCommand;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Json;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The -o json shape documented on {@link StatusCommand#json} and the table layout, from reports built by hand. */
class StatusRenderingTest {

    private static final StatusReport READY = new StatusReport(
            new MetalLbStatus("metallb-system", Optional.of(MetalLbVersion.of(0, 16, 1)), Optional.of(ConfigStyle.CRD),
                    Optional.empty(),
                    Optional.of(new WorkloadStatus("Deployment", "controller", "quay.io/metallb/controller:v0.16.1", 1, 1)),
                    Optional.of(new WorkloadStatus("DaemonSet", "speaker", "quay.io/metallb/speaker:v0.16.1", 2, 2)),
                    "memberlist", true, Optional.of("metallb-webhook-service"), Optional.of(true)),
            List.of(new PoolStatus("lab", List.of("127.0.0.240-127.0.0.250"), 1, BigInteger.valueOf(11)),
                    new PoolStatus("v6", List.of("fc00:f853:ccd:e799::/64"), 0, BigInteger.TWO.pow(64))),
            List.of(new ServiceStatus("shop", "queue", List.of(), Optional.empty(), Optional.empty(),
                            Optional.of("Failed to allocate IP for \"shop/queue\": no available IPs")),
                    new ServiceStatus("shop", "web", List.of("127.0.0.240"), Optional.of("lab"), Optional.of("lbctl-node-1"),
                            Optional.empty(), List.of("eth0"))),
            List.of());

    private static final StatusReport NOT_INSTALLED = new StatusReport(MetalLbStatus.notInstalled(), List.of(), List.of(),
            List.of());

    @Test
    void jsonHasTheDocumentedShapeWithTotalsAsDecimalStrings() {
        assertThat(Json.write(StatusCommand.json(READY))).isEqualTo("""
                {
                  "metallb": {
                    "installed": true,
                    "ready": true,
                    "version": "v0.16.1",
                    "namespace": "metallb-system",
                    "configStyle": "crd",
                    "configMap": null,
                    "controller": {
                      "name": "controller",
                      "image": "quay.io/metallb/controller:v0.16.1",
                      "ready": 1,
                      "desired": 1
                    },
                    "speaker": {
                      "name": "speaker",
                      "image": "quay.io/metallb/speaker:v0.16.1",
                      "ready": 2,
                      "desired": 2
                    },
                    "memberlistSecret": true,
                    "webhookEndpoints": true
                  },
                  "pools": [
                    {
                      "name": "lab",
                      "addresses": [
                        "127.0.0.240-127.0.0.250"
                      ],
                      "assigned": 1,
                      "total": "11"
                    },
                    {
                      "name": "v6",
                      "addresses": [
                        "fc00:f853:ccd:e799::/64"
                      ],
                      "assigned": 0,
                      "total": "18446744073709551616"
                    }
                  ],
                  "services": [
                    {
                      "namespace": "shop",
                      "name": "queue",
                      "ips": [],
                      "pool": null,
                      "node": null,
                      "interfaces": [],
                      "bgp": [],
                      "status": "pending",
                      "reason": "Failed to allocate IP for \\"shop/queue\\": no available IPs"
                    },
                    {
                      "namespace": "shop",
                      "name": "web",
                      "ips": [
                        "127.0.0.240"
                      ],
                      "pool": "lab",
                      "node": "lbctl-node-1",
                      "interfaces": [
                        "eth0"
                      ],
                      "bgp": [],
                      "status": "assigned",
                      "reason": null
                    }
                  ],
                  "bgpPeers": [],
                  "warnings": []
                }
                """);
    }

    @Test
    void jsonOfAClusterWithoutMetalLbKeepsEveryKey() {
        assertThat(Json.write(StatusCommand.json(NOT_INSTALLED))).isEqualTo("""
                {
                  "metallb": {
                    "installed": false,
                    "ready": false,
                    "version": null,
                    "namespace": "metallb-system",
                    "configStyle": null,
                    "configMap": null,
                    "controller": null,
                    "speaker": null,
                    "memberlistSecret": false,
                    "webhookEndpoints": null
                  },
                  "pools": [],
                  "services": [],
                  "bgpPeers": [],
                  "warnings": []
                }
                """);
    }

    @Test
    void theTableHasAMetalLbSectionThenPoolsThenServices() {
        assertThat(StatusCommand.table(READY)).isEqualTo("""
                MetalLB
                  installed:         yes, v0.16.1 in namespace metallb-system
                  config:            CRDs (IPAddressPool, L2Advertisement)
                  controller:        1/1 ready (Deployment controller)
                  speaker:           2/2 ready (DaemonSet speaker)
                  memberlist secret: present (memberlist)
                  webhook:           has endpoints (Service metallb-webhook-service)

                POOLS
                NAME  ADDRESSES                ASSIGNED  TOTAL
                lab   127.0.0.240-127.0.0.250  1         11
                v6    fc00:f853:ccd:e799::/64  0         18446744073709551616

                SERVICES
                NAMESPACE  NAME   EXTERNAL-IP  POOL  NODE                 STATUS
                shop       queue  <pending>    -     -                    pending: no available IPs
                shop       web    127.0.0.240  lab   lbctl-node-1 (eth0)  assigned
                """);
    }

    @Test
    void aBgpServiceNamesItsAdvertisingNodesAndThePeersGetATableThatClaimsNoSessionState() {
        List<BgpAnnouncement> both = List.of(new BgpAnnouncement("shop", "web", "lbctl-node-1", List.of("router")),
                new BgpAnnouncement("shop", "web", "lbctl-node-2", List.of("router")));
        StatusReport bgp = new StatusReport(READY.metallb(), READY.pools(), List.of(new ServiceStatus("shop", "web",
                List.of("127.0.0.240"), Optional.of("lab"), Optional.empty(), Optional.empty(), List.of(), both)),
                List.of(new BgpPeerStatus("router", "198.51.100.3", 64512, 64513),
                        new BgpPeerStatus("spare", "198.51.100.4", 64512, 64513)), List.of());

        assertThat(StatusCommand.table(bgp)).endsWith("""
                SERVICES
                NAMESPACE  NAME  EXTERNAL-IP  POOL  NODE                             STATUS
                shop       web   127.0.0.240  lab   bgp: lbctl-node-1, lbctl-node-2  assigned

                BGP PEERS (session state: MetalLB's native BGP mode does not publish it; advertised-by = nodes whose ServiceBGPStatus names the peer)
                NAME    ADDRESS       PEER-ASN  MY-ASN  ADVERTISED-BY
                router  198.51.100.3  64512     64513   lbctl-node-1, lbctl-node-2
                spare   198.51.100.4  64512     64513   -
                """);
        Map<String, Object> json = StatusCommand.json(bgp);
        assertThat(((Map<?, ?>) ((List<?>) json.get("services")).get(0)).get("bgp")).isEqualTo(List.of(
                Map.of("node", "lbctl-node-1", "peers", List.of("router")), Map.of("node", "lbctl-node-2", "peers", List.of("router"))));
        assertThat(((List<?>) json.get("bgpPeers")).get(0))
                .isEqualTo(Map.of("name", "router", "address", "198.51.100.3", "peerASN", 64512L, "myASN", 64513L));
    }

    @Test
    void theTableOfAClusterWithoutMetalLbSaysSo() {
        assertThat(StatusCommand.table(NOT_INSTALLED)).isEqualTo("""
                MetalLB
                  installed:         no: no MetalLB controller Deployment in any namespace

                POOLS
                (none)

                SERVICES
                (none)
                """);
    }
}
