package dev.lbctl.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lbctl.pool.MetalLbVersion;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VerifyObjectsTest {

    private static VerifyOptions options(String image) {
        return new VerifyOptions(Optional.of("192.168.100.245"), Optional.of("web"), "lbctl-verify-x", image, 2, 8080,
                Duration.ofMinutes(1), false, VerifyOptions.Mode.l2, true);
    }

    /** --ip is asked for the way each release reads it (MetalLB ignores the other ways). */
    @ParameterizedTest
    @CsvSource({
        "0.10.2, , ",
        "0.13.12, metallb.universe.tf/loadBalancerIPs, metallb.universe.tf/address-pool",
        "0.14.8, metallb.universe.tf/loadBalancerIPs, metallb.universe.tf/address-pool",
        "0.14.9, metallb.io/loadBalancerIPs, metallb.io/address-pool",
        "0.16.1, metallb.io/loadBalancerIPs, metallb.io/address-pool",
    })
    @SuppressWarnings("unchecked")
    void requestedIpAndPoolFollowTheRelease(String version, String ipAnnotation, String poolAnnotation) throws Exception {
        Map<String, Object> service = VerifyObjects.service(options("nginx"), MetalLbVersion.parse(version));
        Map<String, Object> spec = (Map<String, Object>) service.get("spec");
        Map<String, Object> annotations = (Map<String, Object>) ((Map<String, Object>) service.get("metadata"))
                .getOrDefault("annotations", Map.of());
        if (ipAnnotation == null) {
            assertThat(spec).containsEntry("loadBalancerIP", "192.168.100.245");
            assertThat(annotations).containsOnlyKeys("metallb.universe.tf/address-pool");
        } else {
            assertThat(spec).doesNotContainKey("loadBalancerIP");
            assertThat(annotations).containsEntry(ipAnnotation, "192.168.100.245").containsEntry(poolAnnotation, "web");
        }
    }

    @ParameterizedTest
    @CsvSource({"nginx, 80", "nginx:1.27, 80", "ghcr.io/acme/web:1, 8080"})
    @SuppressWarnings("unchecked")
    void theStockNginxListensOn80AndOtherImagesOnTheServicePort(String image, int targetPort) {
        Map<String, Object> service = VerifyObjects.service(options(image), MetalLbVersion.LATEST);
        Map<String, Object> port = ((java.util.List<Map<String, Object>>) ((Map<String, Object>) service.get("spec")).get("ports")).get(0);
        assertThat(port).containsEntry("port", 8080).containsEntry("targetPort", targetPort);
    }
}
