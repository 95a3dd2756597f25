package dev.lbctl.doctor;

import static dev.lbctl.doctor.DoctorCluster.NS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.status.FakeCluster;
import dev.lbctl.status.StatusFixtures;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per finding code, each breaking one thing of a healthy cluster ({@link DoctorCluster}), plus the clean bill.
 * {@link #everyCodeHasATest} checks that no code goes untested.
 */
class DiagnosisTest {

    private static Report diagnose(DoctorCluster cluster, Scope scope) {
        return Diagnosis.diagnose(cluster.read(), scope);
    }

    private static Report web(DoctorCluster cluster) {
        return diagnose(cluster, Scope.service("default", "web"));
    }

    /** The report holds an error of this code about this object, and nothing else that is an error. */
    private static Finding onlyError(Report report, Code code, String object) {
        List<Finding> errors = report.findings().stream().filter(f -> f.severity() == Finding.Severity.ERROR).toList();
        assertThat(errors).as(report.toString()).extracting(Finding::code).containsExactly(code);
        assertThat(errors.get(0).object()).isEqualTo(object);
        assertThat(report.hasErrors()).isTrue();
        return errors.get(0);
    }

    private static Finding finding(Report report, Code code, Finding.Severity severity) {
        assertThat(report.hasErrors()).as(report.toString()).isFalse();
        return report.findings().stream().filter(f -> f.code() == code && f.severity() == severity).findFirst()
                .orElseThrow(() -> new AssertionError("no " + severity + " " + code.id() + " in " + report));
    }

    @Test
    void healthyClusterGetsACleanBillAndThePredictionMatchesServiceL2Status() {
        Report report = diagnose(new DoctorCluster(), Scope.all());
        assertThat(report.findings()).isEmpty();
        assertThat(report.services()).containsExactly(new Report.ServiceCheck("default", "web", "127.0.0.240", "node-a", "node-a"));
    }

    @Test
    void snapshotIsReadWithListsOnly() {
        FakeCluster fake = new DoctorCluster().fake();
        SnapshotReader.read(fake);
        assertThat(fake.calls).noneMatch(c -> c.startsWith("events "));
        assertThat(fake.calls.stream().filter(c -> c.startsWith("list Service *")).count()).isEqualTo(1);
    }

    // ---- Installation ------------------------------------------------------------------------------------------

    @Test
    void metallbNotInstalled() {
        DoctorCluster c = new DoctorCluster().without("controller");
        onlyError(diagnose(c, Scope.installation()), Code.METALLB_NOT_INSTALLED, "Namespace " + NS);
    }

    @Test
    void controllerNotReadyNamesThePodsReason() {
        DoctorCluster c = new DoctorCluster().with("controller", StatusFixtures.controller(NS, "controller",
                "quay.io/metallb/controller:v0.16.1", 0)).with("controller-pod", """
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: controller-7d4f, namespace: metallb-system, labels: {component: controller}}
                status:
                  phase: Pending
                  containerStatuses: [{name: controller, state: {waiting: {reason: ImagePullBackOff}}}]
                """);
        Finding f = onlyError(diagnose(c, Scope.installation()), Code.CONTROLLER_NOT_READY, "Deployment " + NS + "/controller");
        assertThat(f.message()).contains("0 of 1").contains("controller-7d4f: ImagePullBackOff");
    }

    @Test
    void speakerMissing() {
        onlyError(diagnose(new DoctorCluster().without("speaker"), Scope.installation()), Code.SPEAKER_MISSING, "Namespace " + NS);
    }

    @Test
    void speakerNotReady() {
        DoctorCluster c = new DoctorCluster().with("speaker", StatusFixtures.speaker(NS, "quay.io/metallb/speaker:v0.16.1", 2, 3))
                .with("speaker-pod node-b", DoctorCluster.speakerPod("node-b", false));
        Finding f = onlyError(diagnose(c, Scope.installation()), Code.SPEAKER_NOT_READY, "DaemonSet " + NS + "/speaker");
        assertThat(f.message()).contains("2 of 3").contains("speaker-node-b: CrashLoopBackOff");
    }

    @Test
    void podSecurityAdmissionRefusingTheSpeakerIsNamedWithTheLabelFix() {
        DoctorCluster c = new DoctorCluster().with("speaker", StatusFixtures.speaker(NS, "quay.io/metallb/speaker:v0.16.1", 0, 3))
                .without("speaker-pod node-a").without("speaker-pod node-b").without("speaker-pod node-c")
                .with("event", DoctorCluster.event(NS, "DaemonSet", "speaker", "FailedCreate",
                        "Error creating: pods \"speaker-x\" is forbidden: violates PodSecurity \"baseline:latest\": host namespaces",
                        "2026-01-01T00:00:00Z"));
        Report report = diagnose(c, Scope.installation());
        Finding f = report.findings().stream().filter(x -> x.code() == Code.PODS_NOT_CREATED).findFirst().orElseThrow();
        assertThat(f.message()).contains("violates PodSecurity");
        assertThat(f.fix()).contains("pod-security.kubernetes.io/enforce=privileged");
        assertThat(report.findings()).extracting(Finding::code).contains(Code.SPEAKER_NOT_READY);
    }

    @Test
    void speakerMissingOnSomeNodesIsAWarning() {
        DoctorCluster c = new DoctorCluster().without("speaker-pod node-c");
        Finding f = finding(diagnose(c, Scope.installation()), Code.SPEAKER_MISSING_ON_NODES, Finding.Severity.WARNING);
        assertThat(f.message()).contains("node-c");
    }

    @Test
    void memberlistSecretMissingOnAConfigMapRelease() {
        DoctorCluster c = new DoctorCluster().without("secret").without("webhook").without("webhook-configuration")
                .without("pool").without("l2advertisement")
                .with("controller", StatusFixtures.controller(NS, "controller", "quay.io/metallb/controller:v0.12.1", 1, "--config=config"))
                .with("config", """
                        ---
                        apiVersion: v1
                        kind: ConfigMap
                        metadata: {name: config, namespace: metallb-system}
                        data:
                          config: |
                            address-pools:
                            - name: lab
                              protocol: layer2
                              addresses: [127.0.0.240-127.0.0.250]
                        """);
        Finding f = onlyError(web(c), Code.MEMBERLIST_SECRET_MISSING, "Secret " + NS + "/memberlist");
        assertThat(f.fix()).contains("kubectl create secret generic -n metallb-system memberlist");
    }

    @Test
    void webhookWithoutEndpoints() {
        DoctorCluster c = new DoctorCluster().with("webhook", StatusFixtures.webhook(NS, "metallb-webhook-service", false));
        onlyError(diagnose(c, Scope.installation()), Code.WEBHOOK_NO_ENDPOINTS, "Service " + NS + "/metallb-webhook-service");
    }

    @Test
    void webhookWithoutCaBundle() {
        DoctorCluster c = new DoctorCluster().with("webhook-configuration", DoctorCluster.webhookConfiguration(""));
        onlyError(diagnose(c, Scope.installation()), Code.WEBHOOK_NO_CA_BUNDLE,
                "ValidatingWebhookConfiguration metallb-webhook-configuration");
    }

    @Test
    void configurationStateInvalidCarriesItsError() {
        DoctorCluster c = new DoctorCluster().with("state", """
                ---
                apiVersion: metallb.io/v1beta1
                kind: ConfigurationState
                metadata: {name: speaker-node-a, namespace: metallb-system}
                status: {result: Invalid, errorSummary: 'pool lab: overlaps with pool other'}
                """);
        Finding f = onlyError(diagnose(c, Scope.installation()), Code.CONFIGURATION_INVALID,
                "ConfigurationState " + NS + "/speaker-node-a");
        assertThat(f.message()).contains("overlaps with pool other");
    }

    @Test
    void unreadableConfigurationStopsBeforeTheServices() {
        DoctorCluster c = new DoctorCluster().with("pool", StatusFixtures.ipAddressPool(NS, "lab", "127.0.0.240-127.0.0.250")
                .replace("autoAssign: true", "autoAssign: maybe"));
        Report report = web(c);
        Finding f = onlyError(report, Code.CONFIGURATION_INVALID, "Namespace " + NS);
        assertThat(f.message()).contains("IPAddressPool \"lab\"").contains("spec.autoAssign");
        assertThat(report.services()).isEmpty();
    }

    @Test
    void ipvsWithoutStrictArp() {
        DoctorCluster c = new DoctorCluster().with("kube-proxy", DoctorCluster.kubeProxy("mode: ipvs\nipvs:\n  strictARP: false"));
        Finding f = onlyError(diagnose(c, Scope.installation()), Code.STRICT_ARP_DISABLED, "ConfigMap kube-system/kube-proxy");
        assertThat(f.fix()).isEqualTo("lbctl check-strictarp --fix");
    }

    @Test
    void k3sServiceLbIsAnotherLoadBalancer() {
        DoctorCluster c = new DoctorCluster().with("svclb", """
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: svclb-web-1a2b3-x, namespace: kube-system, labels: {svccontroller.k3s.cattle.io/svcname: web}}
                """);
        finding(diagnose(c, Scope.installation()), Code.OTHER_LOAD_BALANCER, Finding.Severity.WARNING);
    }

    @Test
    void serviceWithAnotherLoadBalancerClass() {
        DoctorCluster c = new DoctorCluster().with("web", DoctorCluster.service("web", "Cluster", null)
                .replace("type: LoadBalancer", "type: LoadBalancer\n  loadBalancerClass: example.com/other"));
        Finding f = finding(web(c), Code.LOAD_BALANCER_CLASS_NOT_SERVED, Finding.Severity.WARNING);
        assertThat(f.message()).contains("example.com/other");
        assertThat(diagnose(c, Scope.all()).findings()).extracting(Finding::severity).containsExactly(Finding.Severity.INFO);
    }

    @Test
    void noPools() {
        DoctorCluster c = new DoctorCluster().without("pool").without("l2advertisement").with("web", DoctorCluster.service("web", "Cluster", null));
        onlyError(web(c), Code.NO_POOLS, "Service default/web");
        finding(diagnose(c, Scope.installation()), Code.NO_POOLS, Finding.Severity.WARNING);
    }

    // ---- Allocation --------------------------------------------------------------------------------------------

    @Test
    void serviceNotFound() {
        onlyError(diagnose(new DoctorCluster(), Scope.service("default", "nope")), Code.SERVICE_NOT_FOUND, "Service default/nope");
    }

    @Test
    void notALoadBalancer() {
        DoctorCluster c = new DoctorCluster().with("web", DoctorCluster.service("web", "Cluster", null)
                .replace("type: LoadBalancer", "type: ClusterIP"));
        onlyError(web(c), Code.NOT_LOAD_BALANCER, "Service default/web");
    }

    @Test
    void poolExhaustedAgreesWithMetalLbsEvent() {
        DoctorCluster c = new DoctorCluster().with("pool", StatusFixtures.ipAddressPool(NS, "lab", "127.0.0.240/32"))
                .with("second", DoctorCluster.service("second", "Cluster", null))
                .with("event", StatusFixtures.event("default", "second", "AllocationFailed",
                        "Failed to allocate IP for \"default/second\": no available IPs", "2026-01-01T00:00:00Z"));
        Finding f = onlyError(diagnose(c, Scope.service("default", "second")), Code.POOL_EXHAUSTED, "Service default/second");
        assertThat(f.message()).isEqualTo("MetalLB cannot assign an IP: no available IPs (also MetalLB's AllocationFailed event).");
    }

    @Test
    void requestedIpOutsideEveryPool() {
        DoctorCluster c = new DoctorCluster().with("web", DoctorCluster.annotated(DoctorCluster.service("web", "Cluster", null),
                "metallb.io/loadBalancerIPs: 10.9.9.9"));
        Finding f = onlyError(web(c), Code.IP_OUTSIDE_POOLS, "Service default/web");
        assertThat(f.message()).contains("[\"10.9.9.9\"] is not allowed in config");
    }

    @Test
    void addressPoolAnnotationNamingAMissingPool() {
        DoctorCluster c = new DoctorCluster().with("web", DoctorCluster.annotated(DoctorCluster.service("web", "Cluster", null),
                "metallb.io/address-pool: nope"));
        Finding f = onlyError(web(c), Code.POOL_NOT_FOUND, "Service default/web");
        assertThat(f.message()).contains("unknown pool \"nope\"");
    }

    @Test
    void noPoolAssignsAutomatically() {
        DoctorCluster c = new DoctorCluster()
                .with("pool", StatusFixtures.ipAddressPool(NS, "lab", "127.0.0.240-127.0.0.250").replace("autoAssign: true", "autoAssign: false"))
                .with("web", DoctorCluster.service("web", "Cluster", null));
        onlyError(web(c), Code.NO_AUTO_ASSIGN_POOL, "Service default/web");
    }

    @Test
    void serviceAllocationForAnotherNamespace() {
        DoctorCluster c = new DoctorCluster()
                .with("pool", StatusFixtures.ipAddressPool(NS, "lab", "127.0.0.240-127.0.0.250")
                        .replace("avoidBuggyIPs: false", "avoidBuggyIPs: false\n  serviceAllocation: {namespaces: [prod]}"))
                .with("web", DoctorCluster.service("web", "Cluster", null));
        onlyError(web(c), Code.SERVICE_ALLOCATION_MISMATCH, "Service default/web");
    }

    @Test
    void sharingAnIpWithAClashingPort() {
        String shared = "metallb.io/allow-shared-ip: k, metallb.io/loadBalancerIPs: 127.0.0.240";
        DoctorCluster c = new DoctorCluster()
                .with("web", DoctorCluster.annotated(DoctorCluster.service("web", "Cluster", "127.0.0.240"), shared))
                .with("other", DoctorCluster.annotated(DoctorCluster.service("other", "Cluster", null), shared));
        Finding f = onlyError(diagnose(c, Scope.service("default", "other")), Code.SHARING_CONFLICT, "Service default/other");
        assertThat(f.message()).contains("port TCP/80 is already in use on \"127.0.0.240\"");
    }

    @Test
    void requestedIpOfTheWrongFamily() {
        DoctorCluster c = new DoctorCluster().with("web", DoctorCluster.annotated(DoctorCluster.service("web", "Cluster", null),
                "metallb.io/loadBalancerIPs: 'fd00::1'"));
        onlyError(web(c), Code.IP_FAMILY_MISMATCH, "Service default/web");
    }

    @Test
    void pendingWithoutAnyReasonMeansTheControllerHasNotSeenIt() {
        DoctorCluster c = new DoctorCluster().with("web", DoctorCluster.service("web", "Cluster", null));
        Finding f = onlyError(web(c), Code.ALLOCATION_FAILED, "Service default/web");
        assertThat(f.message()).contains("lbctl's simulation assigns 127.0.0.240 from pool lab");
    }

    @Test
    void staleAllocationEventDisagreesWithTheSimulation() {
        DoctorCluster c = new DoctorCluster()
                .with("web", DoctorCluster.annotated(DoctorCluster.service("web", "Cluster", null), "metallb.io/address-pool: nope"))
                .with("event", StatusFixtures.event("default", "web", "AllocationFailed",
                        "Failed to allocate IP for \"default/web\": no available IPs", "2026-01-01T00:00:00Z"));
        Report report = web(c);
        assertThat(report.findings()).extracting(Finding::code).containsExactly(Code.ALLOCATION_EVENT_DISAGREES, Code.POOL_NOT_FOUND);
        assertThat(report.findings().get(0).severity()).isEqualTo(Finding.Severity.WARNING);
    }

    // ---- Announcement ------------------------------------------------------------------------------------------

    @Test
    void bgpOnlyPoolIsNotPredicted() {
        DoctorCluster c = new DoctorCluster().with("l2advertisement", """
                ---
                apiVersion: metallb.io/v1beta1
                kind: BGPAdvertisement
                metadata: {name: lab, namespace: metallb-system}
                spec: {ipAddressPools: [lab]}
                """).with("peer", bgpPeer("router", "")).without("web l2status");
        finding(web(c), Code.NOT_LAYER2, Finding.Severity.INFO);
    }

    @Test
    void noL2AdvertisementSelectsThePool() {
        DoctorCluster c = new DoctorCluster().without("l2advertisement").without("web l2status");
        Finding f = onlyError(web(c), Code.NO_L2_ADVERTISEMENT, "Service default/web");
        assertThat(f.fix()).contains("kind: L2Advertisement").contains("ipAddressPools: [lab]");
    }

    @Test
    void nodeSelectorsMatchingNoNode() {
        DoctorCluster c = new DoctorCluster().without("web l2status")
                .with("l2advertisement", DoctorCluster.l2Advertisement("lab", "nodeSelectors: [{matchLabels: {kubernetes.io/hostname: gone}}]"));
        onlyError(web(c), Code.NODE_SELECTORS_MATCH_NO_NODE, "Service default/web");
    }

    @Test
    void selectedNodeWithoutAReadySpeaker() {
        DoctorCluster c = new DoctorCluster().without("web l2status")
                .with("speaker-pod node-b", DoctorCluster.speakerPod("node-b", false))
                .with("speaker", StatusFixtures.speaker(NS, "quay.io/metallb/speaker:v0.16.1", 3, 3))
                .with("l2advertisement", DoctorCluster.l2Advertisement("lab", "nodeSelectors: [{matchLabels: {kubernetes.io/hostname: node-b}}]"));
        Finding f = onlyError(web(c), Code.NO_READY_SPEAKER, "Service default/web");
        assertThat(f.message()).contains("node-b");
    }

    @Test
    void excludeLabelOnEveryNode() {
        DoctorCluster c = new DoctorCluster().without("web l2status");
        for (String n : new String[] {"node-a", "node-b", "node-c"}) {
            c.with("node " + n, DoctorCluster.node(n, "node.kubernetes.io/exclude-from-external-load-balancers: ''", ""));
        }
        Finding f = onlyError(web(c), Code.NODES_EXCLUDED_BY_LABEL, "Service default/web");
        assertThat(f.message()).contains("node-a, node-b, node-c").contains("v0.14.0");
        assertThat(web(c).services().get(0).predicted()).isNull();
    }

    @Test
    void excludeLabelIsIgnoredByASpeakerWithIgnoreExcludeLb() {
        DoctorCluster c = new DoctorCluster().with("speaker", StatusFixtures.speaker(NS, "quay.io/metallb/speaker:v0.16.1", 3, 3)
                .replace("image: quay.io/metallb/speaker:v0.16.1", "image: quay.io/metallb/speaker:v0.16.1\n          args: [--ignore-exclude-lb]"));
        for (String n : new String[] {"node-a", "node-b", "node-c"}) {
            c.with("node " + n, DoctorCluster.node(n, "node.kubernetes.io/exclude-from-external-load-balancers: ''", ""));
        }
        assertThat(web(c).findings()).isEmpty();
    }

    @Test
    void networkUnavailableOnEveryNode() {
        DoctorCluster c = new DoctorCluster().without("web l2status");
        for (String n : new String[] {"node-a", "node-b", "node-c"}) {
            c.with("node " + n, DoctorCluster.node(n, "", "{type: NetworkUnavailable, status: \"True\"}"));
        }
        onlyError(web(c), Code.NODES_NETWORK_UNAVAILABLE, "Service default/web");
    }

    @Test
    void cordonedNodesOnlyMatterToV0149() {
        DoctorCluster c = new DoctorCluster().without("web l2status")
                .with("controller", StatusFixtures.controller(NS, "controller", "quay.io/metallb/controller:v0.14.9", 1));
        for (String n : new String[] {"node-a", "node-b", "node-c"}) {
            c.with("node " + n, DoctorCluster.cordonedNode(n));
        }
        onlyError(web(c), Code.NODES_CORDONED, "Service default/web");
        c.with("controller", StatusFixtures.controller(NS, "controller", "quay.io/metallb/controller:v0.15.3", 1))
                .with("web l2status", StatusFixtures.l2Status(NS, "web", "default", "node-a"));
        assertThat(web(c).findings()).isEmpty();
    }

    @Test
    void noReadyEndpoint() {
        DoctorCluster c = new DoctorCluster().without("web l2status").with("web endpoints", DoctorCluster.endpoints("web"));
        onlyError(web(c), Code.NO_READY_ENDPOINT, "Service default/web");
    }

    @Test
    void localPolicyWithTheEndpointOnANodeThatMayNotAnnounce() {
        DoctorCluster c = new DoctorCluster().without("web l2status")
                .with("web", DoctorCluster.service("web", "Local", "127.0.0.240"))
                .with("web endpoints", DoctorCluster.endpoints("web", "node-c"))
                .with("l2advertisement", DoctorCluster.l2Advertisement("lab", "nodeSelectors: [{matchLabels: {kubernetes.io/hostname: node-b}}]"));
        Finding f = onlyError(web(c), Code.NO_LOCAL_ENDPOINT, "Service default/web");
        assertThat(f.message()).contains("node-b").contains("externalTrafficPolicy: Local");
    }

    @Test
    void localPolicyIsAnnouncedByTheEndpointsNode() {
        DoctorCluster c = new DoctorCluster().with("web", DoctorCluster.service("web", "Local", "127.0.0.240"))
                .with("web endpoints", DoctorCluster.endpoints("web", "node-c"))
                .with("web l2status", StatusFixtures.l2Status(NS, "web", "default", "node-c"));
        Report report = web(c);
        assertThat(report.findings()).isEmpty();
        assertThat(report.services().get(0).predicted()).isEqualTo("node-c");
    }

    @Test
    void announceFailedOnAMissingInterface() {
        DoctorCluster c = new DoctorCluster().without("web l2status")
                .with("event", StatusFixtures.event("default", "web", "announceFailed", "the interfaces specified by LB IP"
                        + " \"127.0.0.240\" doesn't exist in assigned node \"node-a\" with protocol \"layer2\"", "2026-01-01T00:00:00Z"));
        Report report = web(c);
        assertThat(report.findings()).extracting(Finding::code).contains(Code.ANNOUNCE_FAILED);
        assertThat(report.findings().stream().filter(f -> f.code() == Code.ANNOUNCE_FAILED).findFirst().orElseThrow().message())
                .contains("doesn't exist in assigned node \"node-a\"");
    }

    @Test
    void announcingNodeDiffersFromThePrediction() {
        DoctorCluster c = new DoctorCluster().with("web l2status", StatusFixtures.l2Status(NS, "web", "default", "node-b"));
        Finding f = onlyError(web(c), Code.ANNOUNCING_NODE_MISMATCH, "Service default/web");
        assertThat(f.message()).startsWith("ServiceL2Status names node-b").contains("picks node-a");
        assertThat(web(c).services()).containsExactly(new Report.ServiceCheck("default", "web", "127.0.0.240", "node-a", "node-b"));
    }

    @Test
    void removingTheWinnersSpeakerPredictsTheRunnerUp() {
        // 127.0.0.240 orders node-a, node-b, node-c: without node-a's speaker, node-b announces.
        DoctorCluster c = new DoctorCluster().with("speaker-pod node-a", DoctorCluster.speakerPod("node-a", false))
                .with("speaker", StatusFixtures.speaker(NS, "quay.io/metallb/speaker:v0.16.1", 2, 3))
                .with("web l2status", StatusFixtures.l2Status(NS, "web", "default", "node-b"));
        Report report = web(c);
        assertThat(report.services().get(0).predicted()).isEqualTo("node-b");
        assertThat(report.findings()).extracting(Finding::code).containsExactly(Code.SPEAKER_NOT_READY);
    }

    // ---- BGP ----------------------------------------------------------------------------------------------------

    private static String bgpPeer(String name, String extraSpec) {
        return """
                ---
                apiVersion: metallb.io/v1beta2
                kind: BGPPeer
                metadata: {name: %s, namespace: metallb-system}
                spec: {myASN: 64513, peerASN: 64512, peerAddress: 198.51.100.3%s}
                """.formatted(name, extraSpec.isEmpty() ? "" : ", " + extraSpec);
    }

    private static String bgpAdvertisement(String extraSpec) {
        return """
                ---
                apiVersion: metallb.io/v1beta1
                kind: BGPAdvertisement
                metadata: {name: lab-bgp, namespace: metallb-system}
                spec: {ipAddressPools: [lab]%s}
                """.formatted(extraSpec.isEmpty() ? "" : ", " + extraSpec);
    }

    private static String peerSecret(String name, String type, String data) {
        return """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: %s, namespace: metallb-system}
                type: %s
                data: {%s}
                """.formatted(name, type, data);
    }

    private static List<Finding> bgpFindings(DoctorCluster c) {
        return diagnose(c, Scope.all()).findings().stream().filter(f -> f.code().name().startsWith("BGP_")).toList();
    }

    @Test
    void aBgpPeerWhoseNodeSelectorsMatchNoNodeGetsNoSession() {
        DoctorCluster c = new DoctorCluster().with("peer", bgpPeer("router", "nodeSelectors: [{matchLabels: {rack: r9}}]"));
        assertThat(bgpFindings(c)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Code.BGP_PEER_SELECTS_NO_NODE);
            assertThat(f.object()).isEqualTo("BGPPeer metallb-system/router");
            assertThat(f.message()).contains("198.51.100.3");
        });
        assertThat(bgpFindings(c.with("node node-b", DoctorCluster.node("node-b", "rack: r9", "")))).isEmpty();
    }

    /** MetalLB's own words from passwordFromSecretForPeer (v0.16.1 internal/config/config.go), one per way to fail. */
    @Test
    void aBgpPasswordSecretIsCheckedAsMetalLbDoesWithoutReadingThePassword() {
        DoctorCluster c = new DoctorCluster().with("peer", bgpPeer("router", "passwordSecret: {name: router-pw}"));
        assertThat(bgpFindings(c)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Code.BGP_PASSWORD_SECRET_INVALID);
            assertThat(f.message()).contains("secret ref not found for peer config \"metallb-system\"/\"router\"");
            assertThat(f.fix()).contains("--type=kubernetes.io/basic-auth");
        });
        c.with("pw", peerSecret("router-pw", "Opaque", "password: c2VjcmV0LXZhbHVl"));
        assertThat(bgpFindings(c)).singleElement().extracting(Finding::message).asString()
                .contains("secret type mismatch on \"metallb-system\"/\"router-pw\", type \"kubernetes.io/basic-auth\" is expected");
        c.with("pw", peerSecret("router-pw", "kubernetes.io/basic-auth", "username: c2VjcmV0LXZhbHVl"));
        assertThat(bgpFindings(c)).singleElement().extracting(Finding::message).asString()
                .contains("password not specified in the secret \"metallb-system\"/\"router-pw\"");
        c.with("pw", peerSecret("router-pw", "kubernetes.io/basic-auth", "password: c2VjcmV0LXZhbHVl"));
        assertThat(bgpFindings(c)).isEmpty();
        assertThat(SnapshotReader.read(c.fake()).toString()).doesNotContain("c2VjcmV0LXZhbHVl").doesNotContain("secret-value");
    }

    @Test
    void aPoolAnnouncedByBgpToNoExistingPeerReachesNoRouter() {
        DoctorCluster c = new DoctorCluster().with("bgp", bgpAdvertisement(""));
        assertThat(bgpFindings(c)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Code.BGP_NO_PEER);
            assertThat(f.object()).isEqualTo("pool lab");
            assertThat(f.message()).contains("there is no BGP peer");
        });
        c.with("peer", bgpPeer("router", ""));
        assertThat(bgpFindings(c)).isEmpty();
        c.with("bgp", bgpAdvertisement("peers: [gone]"));
        assertThat(bgpFindings(c)).singleElement().extracting(Finding::message).asString().contains("peers that do not exist");
        c.with("bgp", bgpAdvertisement("peers: [gone, router]"));
        assertThat(bgpFindings(c)).isEmpty();
    }

    /** Read from this file, so that it holds however many of the tests run: each code is asserted somewhere above. */
    @Test
    void everyCodeHasATest() throws java.io.IOException {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/java/dev/lbctl/doctor/DiagnosisTest.java"));
        assertThat(EnumSet.allOf(Code.class)).allMatch(c -> java.util.regex.Pattern.compile("Code\\." + c.name() + "\\b").matcher(source).find(),
                "asserted by a test");
    }
}
