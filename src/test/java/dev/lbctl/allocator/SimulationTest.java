package dev.lbctl.allocator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lbctl.services.ServiceManifests;
import dev.lbctl.services.ServiceRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules that need no pool fixture, or whose point is the absence of one. */
class SimulationTest {

    private static List<ServiceRequest> services(String yaml) {
        return ServiceManifests.parse(yaml, "test").services();
    }

    @Test
    void withoutPoolsEveryLoadBalancerWaitsAsMetalLbLogsIt() {
        List<Allocation> results = Simulation.run(List.of(), services("kind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer}\n"), Map.of());
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo(Allocation.Status.PENDING);
            assertThat(r.reason()).isEqualTo("pools are empty");
        });
    }

    @Test
    void overlappingPoolsAreRefusedBecauseMetalLbWouldPickOneAtRandom() {
        assertThatThrownBy(() -> Simulation.run(
                List.of(TestPools.pool("a", "10.0.0.0/24"), TestPools.pool("b", "10.0.0.128/25")), List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pools a and b overlap; validate the configuration before simulating");
    }

    @Test
    void twoClusterIpsOfOneFamilyGiveMetalLbsFamilyError() {
        List<Allocation> results = Simulation.run(List.of(TestPools.pool("a", "10.0.0.0/24")), services(
                "kind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer, clusterIPs: [10.96.0.1, 10.96.0.2]}\n"), Map.of());
        assertThat(results.get(0).reason())
                .isEqualTo("IPFamilyForAddresses: same address family [\"10.96.0.1\" \"10.96.0.2\"]");
    }

    @Test
    void anIpv4MappedRequestIsAnIpv4AddressAsForNetParseIp() {
        List<Allocation> results = Simulation.run(List.of(TestPools.pool("a", "10.0.0.0/24")), services(
                "kind: Service\nmetadata: {name: a}\nspec: {type: LoadBalancer, loadBalancerIP: \"::ffff:10.0.0.9\"}\n"),
                Map.of());
        assertThat(results.get(0).ips()).containsExactly("10.0.0.9");
    }
}
