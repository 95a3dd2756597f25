package dev.lbctl.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.input.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceManifestsTest {

    private static ServiceInventory parse(String yaml) {
        return ServiceManifests.parse(yaml, "svc.yaml");
    }

    @Test
    void readsEveryFieldTheAllocatorUses() {
        ServiceRequest s = parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: dns
                  namespace: infra
                  labels: {app: dns}
                  annotations: {metallb.io/allow-shared-ip: dns}
                spec:
                  type: LoadBalancer
                  loadBalancerIP: 10.0.0.5
                  ipFamilies: [IPv4, IPv6]
                  ipFamilyPolicy: PreferDualStack
                  clusterIPs: [10.96.0.10, "fd96::a"]
                  externalTrafficPolicy: Local
                  selector: {k8s-app: kube-dns}
                  ports: [{port: 53, protocol: UDP}, {port: 53}]
                status:
                  loadBalancer:
                    ingress: [{ip: 10.0.0.5}, {hostname: dns.example.com}]
                """).services().get(0);
        assertThat(s).isEqualTo(new ServiceRequest("infra", "dns", Map.of("app", "dns"),
                Map.of("metallb.io/allow-shared-ip", "dns"), "LoadBalancer", Optional.empty(), "10.0.0.5",
                List.of("IPv4", "IPv6"), Optional.of("PreferDualStack"), List.of("10.96.0.10", "fd96::a"),
                List.of(new ServicePort("UDP", 53), new ServicePort("TCP", 53)), "Local", Map.of("k8s-app", "kube-dns"),
                List.of("10.0.0.5")));
    }

    @Test
    void appliesTheApiServerDefaults() {
        ServiceRequest s = parse("kind: Service\nmetadata: {name: web}\n").services().get(0);
        assertThat(s.namespace()).isEqualTo("default");
        assertThat(s.type()).isEqualTo("ClusterIP");
        assertThat(s.externalTrafficPolicy()).isEqualTo("Cluster");
        assertThat(s.clusterIps()).isEmpty();
        assertThat(s.isLoadBalancer()).isFalse();
    }

    @Test
    void usesClusterIpWhenClusterIpsIsAbsentAndIgnoresHeadless() {
        assertThat(parse("kind: Service\nmetadata: {name: a}\nspec: {clusterIP: 10.96.0.1}\n").services().get(0).clusterIps())
                .containsExactly("10.96.0.1");
        assertThat(parse("kind: Service\nmetadata: {name: a}\nspec: {clusterIP: None}\n").services().get(0).clusterIps())
                .isEmpty();
    }

    @Test
    void readsListsNamespacesAndIgnoresOtherKinds() {
        ServiceInventory inventory = parse("""
                apiVersion: v1
                kind: List
                items:
                - {kind: Namespace, metadata: {name: shop, labels: {team: a}}}
                - {kind: Service, metadata: {name: a, namespace: shop}}
                - {kind: ConfigMap, metadata: {name: c}}
                ---
                kind: Service
                metadata: {name: b}
                """);
        assertThat(inventory.services()).extracting(ServiceRequest::key).containsExactly("shop/a", "default/b");
        assertThat(inventory.namespaceLabels()).isEqualTo(Map.of("shop", Map.of("team", "a")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing name              | kind: Service\\nmetadata: {namespace: x}                                    | svc.yaml: object 1 (kind Service) has no metadata.name; every Service needs a name.
            port not a number         | kind: Service\\nmetadata: {name: web}\\nspec: {ports: [{port: http}]}        | svc.yaml: Service default/web: spec.ports[0].port must be an integer from 1 to 65535, not "http".
            port out of range         | kind: Service\\nmetadata: {name: web}\\nspec: {ports: [{port: 70000}]}       | svc.yaml: Service default/web: spec.ports[0].port must be an integer from 1 to 65535, not 70000.
            unknown protocol          | kind: Service\\nmetadata: {name: web}\\nspec: {ports: [{port: 1, protocol: tcp}]} | svc.yaml: Service default/web: spec.ports[0].protocol must be one of SCTP, TCP, UDP, not "tcp".
            malformed clusterIPs      | kind: Service\\nmetadata: {name: web}\\nspec: {clusterIPs: [10.96.0.1, 10.96.0.300]} | svc.yaml: Service default/web: spec.clusterIPs[1] must be an IP address, not "10.96.0.300".
            malformed ingress         | kind: Service\\nmetadata: {name: web}\\nstatus: {loadBalancer: {ingress: [{ip: x}]}} | svc.yaml: Service default/web: status.loadBalancer.ingress[0].ip must be an IP address, not "x".
            annotation not a string   | kind: Service\\nmetadata: {name: web, annotations: {metallb.io/allow-shared-ip: true}} | svc.yaml: Service default/web: metadata.annotations["metallb.io/allow-shared-ip"] must be a string (quote it in YAML), not true.
            type misspelled           | kind: Service\\nmetadata: {name: web}\\nspec: {type: Loadbalancer}           | svc.yaml: Service default/web: spec.type must be one of ClusterIP, ExternalName, LoadBalancer, NodePort, not "Loadbalancer".
            spec not a mapping        | kind: Service\\nmetadata: {name: web}\\nspec: [1]                            | svc.yaml: Service default/web: spec must be a mapping, not a list.
            ipFamilies repeated       | kind: Service\\nmetadata: {name: web}\\nspec: {ipFamilies: [IPv4, IPv4]}     | svc.yaml: Service default/web: spec.ipFamilies [IPv4, IPv4] must list IPv4 and IPv6 at most once each.
            policy misspelled         | kind: Service\\nmetadata: {name: web}\\nspec: {ipFamilyPolicy: DualStack}    | svc.yaml: Service default/web: spec.ipFamilyPolicy must be one of PreferDualStack, RequireDualStack, SingleStack, not "DualStack".
            duplicate service         | kind: Service\\nmetadata: {name: web}\\n---\\nkind: Service\\nmetadata: {name: web} | svc.yaml: Service default/web appears twice; a namespace holds one Service of each name.
            not an object             | just text                                                                  | svc.yaml: object 1 is not a Kubernetes object (a mapping with kind and metadata).
            """)
    void badInputNamesFileServiceAndValue(String name, String yaml, String message) {
        assertThatThrownBy(() -> parse(yaml.replace("\\n", "\n")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(message);
    }
}
