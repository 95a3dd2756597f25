package dev.lbctl.status;

import static dev.lbctl.status.StatusFixtures.event;
import static dev.lbctl.status.StatusFixtures.installedV0161;
import static dev.lbctl.status.StatusFixtures.l2Status;
import static dev.lbctl.status.StatusFixtures.loadBalancer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.config.ConfigStyle;
import dev.lbctl.pool.MetalLbVersion;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusReaderTest {

    private static StatusReport read(FakeCluster cluster) {
        return new StatusReader(cluster).read();
    }

    @Test
    void aReadyV0161InstallShowsVersionReadinessPoolUsageAndEveryLoadBalancer() {
        FakeCluster cluster = FakeCluster.of(installedV0161()
                + loadBalancer("shop", "web", "lab", "127.0.0.240")
                + l2Status("metallb-system", "web", "shop", "lbctl-node-2")
                + loadBalancer("dns", "coredns", null, "127.0.0.241")
                + event("dns", "coredns", "nodeAssigned", "announcing from node \"lbctl-node-1\" with protocol \"layer2\"",
                        "2026-01-01T00:00:05Z")
                + loadBalancer("shop", "queue", null)
                + event("shop", "queue", "AllocationFailed", "Failed to allocate IP for \"shop/queue\": no available IPs",
                        "2026-01-01T00:00:06Z"));

        StatusReport report = read(cluster);

        MetalLbStatus metallb = report.metallb();
        assertThat(metallb.installed()).isTrue();
        assertThat(metallb.version()).contains(MetalLbVersion.of(0, 16, 1));
        assertThat(metallb.namespace()).isEqualTo("metallb-system");
        assertThat(metallb.configStyle()).contains(ConfigStyle.CRD);
        assertThat(metallb.configMap()).isEmpty();
        assertThat(metallb.controller()).contains(new WorkloadStatus("Deployment", "controller",
                "quay.io/metallb/controller:v0.16.1", 1, 1));
        assertThat(metallb.speaker()).contains(new WorkloadStatus("DaemonSet", "speaker", "quay.io/metallb/speaker:v0.16.1", 2, 2));
        assertThat(metallb.memberlistSecretPresent()).isTrue();
        assertThat(metallb.webhookService()).contains("metallb-webhook-service");
        assertThat(metallb.webhookEndpoints()).contains(true);
        assertThat(report.healthy()).isTrue();

        assertThat(report.pools()).containsExactly(
                new PoolStatus("lab", List.of("127.0.0.240-127.0.0.250"), 2, BigInteger.valueOf(11)));
        assertThat(report.services()).containsExactly(
                new ServiceStatus("dns", "coredns", List.of("127.0.0.241"), Optional.of("lab"), Optional.of("lbctl-node-1"),
                        Optional.empty()),
                new ServiceStatus("shop", "queue", List.of(), Optional.empty(), Optional.empty(),
                        Optional.of("Failed to allocate IP for \"shop/queue\": no available IPs")),
                new ServiceStatus("shop", "web", List.of("127.0.0.240"), Optional.of("lab"), Optional.of("lbctl-node-2"),
                        Optional.empty(), List.of("eth0")));
        assertThat(report.warnings()).isEmpty();
        assertThat(cluster.calls).as("the ServiceL2Status answers for web: no event lookup")
                .doesNotContain("events Service shop/web");
    }

    @Test
    void aBgpServiceListsTheNodesThatAdvertiseItAndThePeersAreShownAsConfigured() {
        FakeCluster cluster = FakeCluster.of(installedV0161()
                + loadBalancer("shop", "web", "lab", "127.0.0.240")
                + bgpStatus("lbctl-node-2", "[lbctl-peer-198-51-100-3]")
                + bgpStatus("lbctl-node-1", "[lbctl-peer-198-51-100-3]")
                + bgpStatus("lbctl-node-3", "[]") // written before its session came up: names no peer, so not counted
                + """
                ---
                apiVersion: metallb.io/v1beta2
                kind: BGPPeer
                metadata: {name: lbctl-peer-198-51-100-3, namespace: metallb-system}
                spec: {peerAddress: 198.51.100.3, peerASN: 64512, myASN: 64513}
                """);

        StatusReport report = read(cluster);

        assertThat(report.bgpPeers()).containsExactly(new BgpPeerStatus("lbctl-peer-198-51-100-3", "198.51.100.3", 64512, 64513));
        ServiceStatus web = report.services().get(0);
        assertThat(web.bgp()).extracting(BgpAnnouncement::node).containsExactly("lbctl-node-1", "lbctl-node-2");
        assertThat(web.bgp()).allSatisfy(a -> assertThat(a.peers()).containsExactly("lbctl-peer-198-51-100-3"));
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void aReleaseWithoutServiceBgpStatusOrBgpPeersShowsNone() {
        StatusReport report = read(FakeCluster.of(installedV0161() + loadBalancer("shop", "web", "lab", "127.0.0.240")));

        assertThat(report.bgpPeers()).isEmpty();
        assertThat(report.services().get(0).bgp()).isEmpty();
    }

    private static String bgpStatus(String node, String peers) {
        return """
                ---
                apiVersion: metallb.io/v1beta1
                kind: ServiceBGPStatus
                metadata: {name: web-%1$s, namespace: metallb-system}
                status: {node: %1$s, serviceName: web, serviceNamespace: shop, peers: %2$s}
                """.formatted(node, peers);
    }

    @Test
    void withoutAControllerAnywhereMetalLbIsNotInstalledAndServicesArePending() {
        FakeCluster cluster = FakeCluster.of(loadBalancer("shop", "web", null)
                + event("shop", "web", "AllocationFailed", "Failed to allocate IP for \"shop/web\": no available IPs",
                        "2026-01-01T00:00:06Z"));

        StatusReport report = read(cluster);

        assertThat(report.metallb().installed()).isFalse();
        assertThat(report.metallb().namespace()).isEqualTo("metallb-system");
        assertThat(report.healthy()).isFalse();
        assertThat(report.pools()).isEmpty();
        assertThat(report.services()).containsExactly(new ServiceStatus("shop", "web", List.of(), Optional.empty(),
                Optional.empty(), Optional.empty()));
        assertThat(cluster.calls).contains("list Deployment *").noneMatch(c -> c.startsWith("events"));
    }

    @Test
    void aHelmInstalledConfigMapReleaseIsFoundInItsNamespaceWithItsConfigMapAndSecret() {
        FakeCluster cluster = FakeCluster.of("""
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: metallb-controller
                  namespace: networking
                  labels: {app.kubernetes.io/name: metallb, app.kubernetes.io/component: controller}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: metallb-controller
                          image: quay.io/metallb/controller:v0.12.1
                          args: [--port=7472, --config=metallb]
                          env: [{name: METALLB_ML_SECRET_NAME, value: metallb-memberlist}]
                status: {readyReplicas: 1}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: metallb-speaker
                  namespace: networking
                  labels: {app.kubernetes.io/name: metallb, app.kubernetes.io/component: speaker}
                status: {desiredNumberScheduled: 3, numberReady: 3}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: metallb, namespace: networking}
                data:
                  config: |
                    address-pools:
                    - name: default
                      protocol: layer2
                      avoid-buggy-ips: true
                      addresses: [192.168.10.0/24]
                """
                + StatusFixtures.secret("networking", "metallb-memberlist")
                + loadBalancer("shop", "web", null, "192.168.10.1"));

        StatusReport report = read(cluster);

        MetalLbStatus metallb = report.metallb();
        assertThat(metallb.namespace()).isEqualTo("networking");
        assertThat(metallb.version()).contains(MetalLbVersion.of(0, 12, 1));
        assertThat(metallb.configStyle()).contains(ConfigStyle.LEGACY_CONFIGMAP);
        assertThat(metallb.configMap()).contains("metallb");
        assertThat(metallb.speaker().map(WorkloadStatus::name)).contains("metallb-speaker");
        assertThat(metallb.memberlistSecret()).isEqualTo("metallb-memberlist");
        assertThat(metallb.memberlistSecretPresent()).isTrue();
        assertThat(metallb.webhookEndpoints()).as("no webhook before v0.13").isEmpty();
        assertThat(report.healthy()).isTrue();
        assertThat(report.pools()).containsExactly(new PoolStatus("default", List.of("192.168.10.0/24"), 1, BigInteger.valueOf(254)));
        assertThat(report.services()).extracting(ServiceStatus::pool).containsExactly(Optional.of("default"));
    }

    @Test
    void aSpeakerThatIsNotReadyOrMissingMakesTheStatusUnhealthy() {
        String notReady = installedV0161().replace("numberReady: 2", "numberReady: 1");
        assertThat(read(FakeCluster.of(notReady)).healthy()).isFalse();

        StatusReport noSpeaker = read(FakeCluster.of(installedV0161().replace("kind: DaemonSet", "kind: ReplicaSet")));
        assertThat(noSpeaker.metallb().speaker()).isEmpty();
        assertThat(noSpeaker.healthy()).isFalse();
        assertThat(noSpeaker.warnings()).containsExactly(
                "namespace metallb-system has no MetalLB speaker DaemonSet: no node announces any address");
    }

    @Test
    void missingPiecesAreReportedNotFatal() {
        String yaml = StatusFixtures.controller("metallb-system", "controller", "quay.io/metallb/controller:v0.14.3", 1)
                + StatusFixtures.speaker("metallb-system", "quay.io/metallb/speaker:v0.14.3", 1, 1)
                + StatusFixtures.webhook("metallb-system", "webhook-service", false);
        FakeCluster cluster = FakeCluster.of(yaml).serving("metallb.io/v1beta1", "IPAddressPool");

        StatusReport report = read(cluster);

        assertThat(report.metallb().memberlistSecretPresent()).isFalse();
        assertThat(report.metallb().webhookService()).contains("webhook-service");
        assertThat(report.metallb().webhookEndpoints()).contains(false);
        assertThat(report.healthy()).as("ready workloads but no pool: no Service can get an address").isFalse();
        assertThat(report.warnings()).containsExactly("namespace metallb-system has no IPAddressPool: MetalLB assigns no address");
    }

    @Test
    void withoutMetalLbsCrdsThereAreNoPoolsAndAWarning() {
        String yaml = StatusFixtures.controller("metallb-system", "controller", "quay.io/metallb/controller:v0.16.1", 1)
                + StatusFixtures.speaker("metallb-system", "quay.io/metallb/speaker:v0.16.1", 1, 1);

        StatusReport report = read(FakeCluster.of(yaml));

        assertThat(report.pools()).isEmpty();
        assertThat(report.metallb().webhookService()).isEmpty();
        assertThat(report.metallb().webhookEndpoints()).contains(false);
        assertThat(report.warnings()).contains("the cluster does not serve metallb.io/v1beta1 IPAddressPool: MetalLB's CRDs are not installed",
                "namespace metallb-system has no webhook Service metallb-webhook-service or webhook-service: creating pools will"
                        + " fail until it exists");
    }

    @Test
    void aPoolWithFieldsLbctlDoesNotKnowIsStillCountedFromItsAddresses() {
        String yaml = installedV0161().replace("  avoidBuggyIPs: false\n", "  avoidBuggyIPs: false\n  futureField: 1\n")
                + loadBalancer("shop", "web", null, "127.0.0.250");

        StatusReport report = read(FakeCluster.of(yaml));

        assertThat(report.pools()).containsExactly(
                new PoolStatus("lab", List.of("127.0.0.240-127.0.0.250"), 1, BigInteger.valueOf(11)));
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("IPAddressPool metallb-system/lab could not be read as MetalLB v0.16.1 reads it (")
                .contains("futureField")
                .endsWith("its addresses are counted from spec.addresses alone");
    }

    @Test
    void servicesOfAnotherLoadBalancerClassAreNotMetalLbs() {
        String yaml = installedV0161()
                + loadBalancer("shop", "web", null, "127.0.0.240")
                + loadBalancer("shop", "cloud", null).replace("type: LoadBalancer", "type: LoadBalancer\n  loadBalancerClass: example.com/cloud")
                + loadBalancer("shop", "internal", null).replace("type: LoadBalancer", "type: ClusterIP");

        StatusReport report = read(FakeCluster.of(yaml));

        assertThat(report.services()).extracting(ServiceStatus::name).containsExactly("web");
    }

    @Test
    void aLegacyConfigMapThatIsMissingIsAWarning() {
        String yaml = StatusFixtures.controller("metallb-system", "controller", "quay.io/metallb/controller:v0.10.2", 1, "--config=config")
                + StatusFixtures.speaker("metallb-system", "quay.io/metallb/speaker:v0.10.2", 1, 1);

        StatusReport report = read(FakeCluster.of(yaml));

        assertThat(report.metallb().configMap()).contains("config");
        assertThat(report.warnings()).containsExactly(
                "ConfigMap metallb-system/config does not exist: MetalLB has no configuration and assigns no address");
    }
}
