package dev.lbctl.it.differential;

import java.util.List;

/** One seed's pools and Services, Services in creation order. */
public record Scenario(int seed, List<PoolSpec> pools, List<ServiceSpec> services) {

    public Scenario {
        pools = List.copyOf(pools);
        services = List.copyOf(services);
    }
}
