package dev.lbctl.allocator.bench;

import dev.lbctl.allocator.Allocation;
import dev.lbctl.allocator.Simulation;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.services.ServicePort;
import dev.lbctl.services.ServiceRequest;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Times {@link Simulation#run} on 100,000 and 1,000,000 Services over one pool of a /16 and a /64, and prints a table.
 * Not a unit test: timings depend on the machine and its load. After {@code mvn test-compile}:
 * <pre>java -cp target/classes:target/test-classes dev.lbctl.allocator.bench.AllocatorBenchmark</pre>
 *
 * <p>Every 64 Services hold 60 IPv6, 1 IPv4, 1 RequireDualStack and 2 IPv4 sharing one IP (TCP and UDP port 53 under
 * one key): 3 IPv4 addresses per 64 Services, so even a million fit the /16 and both sizes do the same work per
 * Service. FIRST_MS is the first run of that size in this JVM (for 100,000, a cold run as the CLI has it, JVM start
 * excluded); BEST_MS and CPU_MS (the simulating thread's CPU time, which contention on a shared machine does not
 * inflate) are the best of three.
 */
public final class AllocatorBenchmark {

    private static final int[] SIZES = {100_000, 1_000_000};
    private static final int RUNS = 3;

    private AllocatorBenchmark() {
    }

    public static void main(String[] args) throws InvalidAddressException {
        List<AddressPool> pools = List.of(pool("ipv4-and-ipv6", "10.0.0.0/16", "fd00::/64"));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.out.printf("%-10s %-9s %-8s %-9s %-8s %-8s %-11s %-6s%n",
                "SERVICES", "ASSIGNED", "PENDING", "FIRST_MS", "BEST_MS", "CPU_MS", "NS/SERVICE", "RATIO");
        double previousBest = 0;
        for (int size : SIZES) {
            List<ServiceRequest> services = services(size);
            long first = 0;
            long best = Long.MAX_VALUE;
            long bestCpu = Long.MAX_VALUE;
            List<Allocation> results = List.of();
            for (int run = 0; run < RUNS; run++) {
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                results = Simulation.run(pools, services, Map.of());
                long elapsed = System.nanoTime() - start;
                first = run == 0 ? elapsed : first;
                best = Math.min(best, elapsed);
                bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpuStart);
            }
            long assigned = results.stream().filter(r -> r.status() == Allocation.Status.ASSIGNED).count();
            System.out.printf("%-10d %-9d %-8d %-9.0f %-8.0f %-8.0f %-11.0f %-6s%n", size, assigned, size - assigned,
                    first / 1e6, best / 1e6, bestCpu / 1e6, (double) best / size,
                    previousBest == 0 ? "-" : String.format("%.1fx", best / previousBest));
            previousBest = best;
        }
    }

    private static List<ServiceRequest> services(int count) {
        List<ServiceRequest> services = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            switch (i % 64) {
                case 0 -> services.add(service(i, List.of("IPv4"), Optional.empty(), Map.of(), "TCP"));
                case 1 -> services.add(service(i, List.of("IPv4", "IPv6"), Optional.of("RequireDualStack"), Map.of(), "TCP"));
                case 2, 3 -> services.add(service(i, List.of("IPv4"), Optional.empty(),
                        Map.of("metallb.io/allow-shared-ip", "dns-" + i / 64), i % 64 == 2 ? "TCP" : "UDP"));
                default -> services.add(service(i, List.of("IPv6"), Optional.empty(), Map.of(), "TCP"));
            }
        }
        return services;
    }
    private static ServiceRequest service(int i, List<String> families, Optional<String> policy,
                                          Map<String, String> annotations, String protocol) {
        return new ServiceRequest("bench", "svc-" + i, Map.of(), annotations, ServiceRequest.LOAD_BALANCER, Optional.empty(),
                "", families, policy, List.of(), List.of(new ServicePort(protocol, 53)), "Cluster", Map.of(), List.of());
    }

    private static AddressPool pool(String name, String... addresses) throws InvalidAddressException {
        List<Cidr> cidrs = new ArrayList<>();
        for (String address : addresses) {
            cidrs.addAll(MetalLbAddresses.parse(address, MetalLbVersion.LATEST));
        }
        return AddressPool.of(name, List.of(addresses), cidrs);
    }
}
