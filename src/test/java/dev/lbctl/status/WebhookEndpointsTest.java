package dev.lbctl.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.MetalLbVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class WebhookEndpointsTest {

    private static List<Map<String, Object>> objects(String yaml) {
        return FakeCluster.of(yaml).list("discovery.k8s.io/v1", "EndpointSlice", null);
    }

    @Test
    void theServiceWasRenamedIn0144() {
        assertThat(WebhookEndpoints.serviceNames(Optional.of(MetalLbVersion.of(0, 14, 3))))
                .containsExactly("webhook-service", "metallb-webhook-service");
        assertThat(WebhookEndpoints.serviceNames(Optional.of(MetalLbVersion.of(0, 14, 4))))
                .containsExactly("metallb-webhook-service", "webhook-service");
        assertThat(WebhookEndpoints.serviceNames(Optional.empty())).first().isEqualTo("metallb-webhook-service");
    }

    @Test
    void aReadyEndpointInTheServicesSliceCounts() {
        assertThat(WebhookEndpoints.ready("metallb-webhook-service",
                objects(StatusFixtures.webhook("metallb-system", "metallb-webhook-service", true)), Optional.empty())).isTrue();
        assertThat(WebhookEndpoints.ready("metallb-webhook-service",
                objects(StatusFixtures.webhook("metallb-system", "metallb-webhook-service", false)), Optional.empty())).isFalse();
        assertThat(WebhookEndpoints.ready("metallb-webhook-service",
                objects(StatusFixtures.webhook("metallb-system", "other-service", true)), Optional.empty())).isFalse();
    }

    @Test
    void withoutSlicesTheEndpointsObjectDecides() {
        Map<String, Object> endpoints = new Yaml().load("{kind: Endpoints, subsets: [{addresses: [{ip: 10.244.0.7}]}]}");
        Map<String, Object> notReady = new Yaml().load("{kind: Endpoints, subsets: [{notReadyAddresses: [{ip: 10.244.0.7}]}]}");

        assertThat(WebhookEndpoints.ready("webhook-service", List.of(), Optional.of(endpoints))).isTrue();
        assertThat(WebhookEndpoints.ready("webhook-service", List.of(), Optional.of(notReady))).isFalse();
        assertThat(WebhookEndpoints.ready("webhook-service", List.of(), Optional.empty())).isFalse();
    }
}
