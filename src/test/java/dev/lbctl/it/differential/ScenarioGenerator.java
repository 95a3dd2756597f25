package dev.lbctl.it.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Generates one seed's pools and Services with {@code java.util.Random(seed)}, so that a seed always means the same
 * case. Seed {@code s} owns the loopback block {@code 127.0.B.0/22} with {@code B = 16 + 4 (s - 1)}: seeds never share
 * an address, and no other test uses 127.0.16.0 and above (they use 127.0.0.240-250; nodes are 127.0.1.x).
 *
 * <p>Pools: one auto-assign pool ({@code /29} with its .0, a range across a .255/.0 boundary, two CIDRs listed high
 * before low, or a plain range; avoidBuggyIPs on some), sometimes a second auto-assign pool (then MetalLB picks
 * between them at random), often an autoAssign false pool (sometimes restricted to a namespace, sometimes with the
 * IPv6 loopback {@code ::1/128} next to its IPv4 CIDR), sometimes an IPv6-only pool {@code ::1/128} (auto-assign or
 * not; the Services are IPv4, so it can only refuse them), and sometimes one or two pinned pools (serviceAllocation
 * by namespace, namespace selector with matchLabels or matchExpressions, Service selector, both, or priority alone;
 * priorities 0, 10 or 20, so equal ones happen). About 10 to 25 usable addresses per seed for 12 to 20 Services, so
 * pools run out. No IPv6 address is ever assigned (all Services are IPv4 single-stack).
 *
 * <p>Services: plain; {@code spec.loadBalancerIP} and {@code metallb.io/loadBalancerIPs} with IPs inside a pool,
 * already requested, outside every pool, avoided .0/.255, in the manual pool, {@code ::1}, malformed, two of one
 * family, both fields at once; {@code allow-shared-ip} keys with TCP and UDP on port 53 (sharing) or the same protocol
 * and port (conflict), sometimes with a requested IP and with externalTrafficPolicy Local (backend key, one- or
 * two-key selectors); Local Services; {@code metallb.io/address-pool} naming auto, manual, pinned, IPv6-only and
 * unknown pools (stable, deprecated, and an empty stable annotation next to a deprecated one); single-stack
 * PreferDualStack Services (which MetalLB reconciles twice); and Services MetalLB ignores
 * (ClusterIP, another loadBalancerClass). Every Service has a selector that matches no Pod, so testenv's data-plane
 * stand-in binds nothing.
 */
public final class ScenarioGenerator {

    /** Prefix of every pool, advertisement and namespace the differential test creates. */
    public static final String PREFIX = "lbctl-diff";
    /** The label on every generated Service; its value is the seed. */
    public static final String SEED_LABEL = "lbctl.dev/differential-seed";
    /** The test's namespaces and their labels (namespaceSelectors match {@code team}). */
    public static final Map<String, Map<String, String>> NAMESPACES = namespaces();
    public static final int MAX_SEED = 60;

    private static final String ANNOTATION_POOL = "metallb.io/address-pool";
    private static final String DEPRECATED_POOL = "metallb.universe.tf/address-pool";
    private static final String ANNOTATION_IPS = "metallb.io/loadBalancerIPs";
    private static final String DEPRECATED_IPS = "metallb.universe.tf/loadBalancerIPs";
    private static final String ANNOTATION_SHARED = "metallb.io/allow-shared-ip";
    private static final String DEPRECATED_SHARED = "metallb.universe.tf/allow-shared-ip";

    private enum Shape {
        PLAIN("plain", 20), SPEC_IP("spec-ip", 10), ANNOTATION_IPS("ann-ips", 10), SHARED("shared", 24),
        LOCAL("local", 8), POOL_ANNOTATION("pool", 16), PREFER_DUAL("prefer-dual", 7), SKIPPED("skipped", 5);

        final String label;
        final int weight;

        Shape(String label, int weight) {
            this.label = label;
            this.weight = weight;
        }
    }

    private final int seed;
    private final Random random;
    private final int block;
    private final List<PoolSpec> pools = new ArrayList<>();
    private final List<String> buggyIps = new ArrayList<>();
    private final List<String> requested = new ArrayList<>();
    private final List<String> sharedRequested = new ArrayList<>();
    /** 0: no IPv6 anywhere; 1: {@code ::1/128} in the manual pool next to IPv4; 2: an IPv6-only pool {@code ::1/128}. */
    private int ipv6Mode;

    private ScenarioGenerator(int seed) {
        if (seed < 1 || seed > MAX_SEED) {
            throw new IllegalArgumentException("seed must be 1.." + MAX_SEED + ", not " + seed);
        }
        this.seed = seed;
        this.random = new Random(seed);
        this.block = 16 + 4 * (seed - 1);
    }

    public static Scenario generate(int seed) {
        return new ScenarioGenerator(seed).scenario();
    }

    public static String poolPrefix(int seed) {
        return PREFIX + "-" + seed + "-";
    }

    private static Map<String, Map<String, String>> namespaces() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        out.put(PREFIX + "-a", Map.of("team", "a"));
        out.put(PREFIX + "-b", Map.of("team", "b"));
        out.put(PREFIX + "-c", Map.of());
        return out;
    }

    private Scenario scenario() {
        int mode = random.nextInt(20);
        ipv6Mode = mode < 12 ? 0 : mode < 15 ? 1 : 2;
        pools.add(autoPool());
        if (random.nextBoolean()) {
            pools.add(secondAutoPool());
        }
        if (random.nextInt(10) < 7) {
            pools.add(manualPool());
        }
        if (ipv6Mode == 2) {
            pools.add(new PoolSpec(poolPrefix(seed) + "v6", List.of("::1/128"), random.nextBoolean(), false, null, List.of()));
        }
        if (random.nextInt(10) < 4) {
            pools.add(pinnedPool("p", List.of(ip(block + 3, 8) + "/30"), range(block + 3, 8, block + 3, 11, false)));
            if (random.nextInt(10) < 4) {
                pools.add(pinnedPool("q", List.of(ip(block + 3, 16) + "/31"), range(block + 3, 16, block + 3, 17, false)));
            }
        }
        int count = 12 + random.nextInt(9);
        List<ServiceSpec> services = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            services.add(service(i));
        }
        return new Scenario(seed, pools, services);
    }

    // ---- pools

    private PoolSpec autoPool() {
        String name = poolPrefix(seed) + "a";
        int b = block;
        switch (random.nextInt(4)) {
            case 0 -> {
                boolean avoid = random.nextBoolean();
                if (avoid) {
                    buggyIps.add(ip(b, 0));
                }
                return new PoolSpec(name, List.of(ip(b, 0) + "/29"), true, avoid, null, range(b, 0, b, 7, avoid));
            }
            case 1 -> {
                boolean avoid = random.nextBoolean();
                if (avoid) {
                    buggyIps.add(ip(b, 255));
                    buggyIps.add(ip(b + 1, 0));
                }
                return new PoolSpec(name, List.of(ip(b, 252) + "-" + ip(b + 1, 3)), true, avoid, null,
                        range(b, 252, b + 1, 3, avoid));
            }
            case 2 -> {
                List<String> usable = new ArrayList<>(range(b, 44, b, 47, false));
                usable.addAll(range(b, 40, b, 41, false));
                return new PoolSpec(name, List.of(ip(b, 44) + "/30", ip(b, 40) + "/31"), true, false, null, usable);
            }
            default -> {
                return new PoolSpec(name, List.of(ip(b, 100) + "-" + ip(b, 104)), true, false, null, range(b, 100, b, 104, false));
            }
        }
    }

    private PoolSpec secondAutoPool() {
        String name = poolPrefix(seed) + "b";
        int b = block;
        switch (random.nextInt(3)) {
            case 0 -> {
                boolean avoid = random.nextBoolean();
                if (avoid) {
                    buggyIps.add(ip(b + 1, 255));
                    buggyIps.add(ip(b + 2, 0));
                }
                return new PoolSpec(name, List.of(ip(b + 1, 254) + "-" + ip(b + 2, 1)), true, avoid, null,
                        range(b + 1, 254, b + 2, 1, avoid));
            }
            case 1 -> {
                return new PoolSpec(name, List.of(ip(b + 2, 8) + "/30"), true, false, null, range(b + 2, 8, b + 2, 11, false));
            }
            default -> {
                return new PoolSpec(name, List.of(ip(b + 2, 16) + "/32", ip(b + 2, 20) + "/32"), true, false, null,
                        List.of(ip(b + 2, 16), ip(b + 2, 20)));
            }
        }
    }

    private PoolSpec manualPool() {
        List<String> addresses = new ArrayList<>(List.of(ip(block + 2, 100) + "/30"));
        if (ipv6Mode == 1) {
            addresses.add("::1/128");
        }
        Map<String, Object> allocation = random.nextInt(4) == 0 ? allocation(Map.of("namespaces", List.of(PREFIX + "-b"))) : null;
        return new PoolSpec(poolPrefix(seed) + "m", addresses, false, false, allocation, range(block + 2, 100, block + 2, 103, false));
    }

    private PoolSpec pinnedPool(String suffix, List<String> addresses, List<String> usable) {
        Map<String, Object> allocation = switch (random.nextInt(7)) {
            case 0 -> allocation(Map.of("namespaces", List.of(PREFIX + "-b")));
            case 1 -> allocation(Map.of("namespaceSelectors", List.of(Map.of("matchLabels", Map.of("team", "a")))));
            case 2 -> allocation(Map.of("serviceSelectors", List.of(Map.of("matchLabels", Map.of("tier", "gold")))));
            case 3 -> allocation(Map.of("namespaces", List.of(PREFIX + "-b"),
                    "serviceSelectors", List.of(Map.of("matchLabels", Map.of("tier", "gold")))));
            case 4 -> allocation(Map.of("namespaceSelectors", List.of(Map.of("matchExpressions",
                    List.of(Map.of("key", "team", "operator", "In", "values", List.of("a", "b")))))));
            case 5 -> allocation(Map.of("serviceSelectors", List.of(Map.of("matchExpressions",
                    List.of(Map.of("key", "tier", "operator", "DoesNotExist"))))));
            default -> allocation(Map.of());
        };
        int priority = allocation.isEmpty() ? 5 : List.of(0, 10, 20).get(random.nextInt(3));
        if (priority != 0) {
            allocation.put("priority", priority);
        }
        return new PoolSpec(poolPrefix(seed) + suffix, addresses, true, false, allocation, usable);
    }

    private static Map<String, Object> allocation(Map<String, Object> fields) {
        return new LinkedHashMap<>(fields);
    }

    // ---- services

    private ServiceSpec service(int index) {
        String namespace = List.copyOf(NAMESPACES.keySet()).get(random.nextInt(NAMESPACES.size()));
        Shape shape = shape();
        String name = "s" + seed + "-" + (index < 10 ? "0" : "") + index + "-" + shape.label;
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(SEED_LABEL, Integer.toString(seed));
        if (random.nextInt(10) < 3) {
            labels.put("tier", "gold");
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", "LoadBalancer");
        spec.put("allocateLoadBalancerNodePorts", false);
        spec.put("selector", selector());
        boolean handled = true;
        boolean preferDual = false;
        switch (shape) {
            case PLAIN -> spec.put("ports", switch (random.nextInt(4)) {
                case 0 -> List.of(port(null, "TCP", 80));
                case 1 -> List.of(port(null, "TCP", 443));
                case 2 -> List.of(port(null, "TCP", 8080));
                default -> List.of(port("http", "TCP", 80), port("https", "TCP", 443));
            });
            case SPEC_IP -> {
                spec.put("ports", List.of(port(null, "TCP", 80)));
                spec.put("loadBalancerIP", remember(pickIp()));
                if (random.nextInt(100) < 15) {
                    annotations.put(ANNOTATION_POOL, randomPoolName());
                }
            }
            case ANNOTATION_IPS -> {
                spec.put("ports", List.of(port(null, "TCP", random.nextBoolean() ? 80 : 443)));
                int variant = random.nextInt(100);
                String ip = remember(pickIp());
                if (variant < 8) {
                    annotations.put(ANNOTATION_IPS, ip + ", nope");
                } else if (variant < 16) {
                    annotations.put(ANNOTATION_IPS, ip + "," + pickIp());
                } else if (variant < 24) {
                    annotations.put(ANNOTATION_IPS, ip);
                    spec.put("loadBalancerIP", ip);
                } else {
                    annotations.put(variant < 34 ? DEPRECATED_IPS : ANNOTATION_IPS, ip);
                }
                if (random.nextInt(10) == 0) {
                    annotations.put(ANNOTATION_POOL, randomPoolName());
                }
            }
            case SHARED -> shared(annotations, spec);
            case LOCAL -> {
                spec.put("externalTrafficPolicy", "Local");
                spec.put("ports", List.of(port(null, "TCP", random.nextBoolean() ? 80 : 8080)));
            }
            case POOL_ANNOTATION -> {
                spec.put("ports", List.of(port(null, "TCP", 80)));
                String pool = random.nextInt(pools.size() + 1) == 0 ? "nope" : randomPoolName();
                int variant = random.nextInt(100);
                if (variant < 15) {
                    annotations.put(DEPRECATED_POOL, pool);
                } else if (variant < 22) {
                    annotations.put(ANNOTATION_POOL, ""); // present but empty: it still wins over the deprecated one
                    annotations.put(DEPRECATED_POOL, pool);
                } else {
                    annotations.put(ANNOTATION_POOL, pool);
                }
            }
            case PREFER_DUAL -> {
                preferDual = true;
                spec.put("ipFamilyPolicy", "PreferDualStack");
                spec.put("ipFamilies", List.of("IPv4"));
                spec.put("ports", List.of(port(null, "TCP", 80)));
                int variant = random.nextInt(8);
                if (variant == 0) {
                    annotations.put(ANNOTATION_POOL, randomPoolName());
                } else if (variant == 1) {
                    spec.put("loadBalancerIP", remember(pickIp()));
                }
            }
            case SKIPPED -> {
                handled = false;
                spec.put("ports", List.of(port(null, "TCP", 80)));
                if (random.nextBoolean()) {
                    spec.put("type", "ClusterIP");
                    spec.remove("allocateLoadBalancerNodePorts");
                } else {
                    spec.put("loadBalancerClass", "example.com/not-metallb");
                }
            }
            default -> throw new IllegalStateException();
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", name);
        metadata.put("namespace", namespace);
        metadata.put("labels", labels);
        if (!annotations.isEmpty()) {
            metadata.put("annotations", annotations);
        }
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("apiVersion", "v1");
        manifest.put("kind", "Service");
        manifest.put("metadata", metadata);
        manifest.put("spec", spec);
        return new ServiceSpec(namespace, name, shape.label, manifest, handled, preferDual);
    }

    /** The sharing part of the last shared Service, which the next one may pair with. */
    private record Sharing(String key, boolean local, Map<String, String> selector, List<Map<String, Object>> ports,
                           String requestedIp) {
    }

    private Sharing lastShared;

    /**
     * Mostly key "dns" with TCP/53, UDP/53 or both, sometimes key "web" on 80/443. Half of them pair with the previous
     * shared Service: same key and backend, and its complementary port (TCP/53 after UDP/53: they share an IP) or the
     * same one (they conflict), often requesting the same IP when that one did. A quarter of the others use
     * externalTrafficPolicy Local, so backend keys differ too.
     */
    private void shared(Map<String, String> annotations, Map<String, Object> spec) {
        Sharing sharing;
        String ip = null;
        if (lastShared != null && random.nextBoolean()) {
            sharing = new Sharing(lastShared.key(), lastShared.local(), lastShared.selector(),
                    random.nextInt(10) < 7 ? complement(lastShared.ports()) : lastShared.ports(), null);
            if (lastShared.requestedIp() != null && random.nextInt(10) < 6) {
                ip = lastShared.requestedIp();
            }
        } else {
            boolean dns = random.nextInt(100) < 65;
            String key = dns ? "dns" : "web";
            int ports = random.nextInt(100);
            List<Map<String, Object>> list;
            if (dns) {
                list = ports < 20 ? List.of(port("dns-tcp", "TCP", 53), port("dns-udp", "UDP", 53))
                        : List.of(port(null, ports < 60 ? "TCP" : "UDP", 53));
            } else {
                list = ports < 20 ? List.of(port("http", "TCP", 80), port("https", "TCP", 443))
                        : List.of(port(null, "TCP", ports < 60 ? 80 : 443));
            }
            boolean local = random.nextInt(100) < 25;
            sharing = new Sharing(key, local, random.nextInt(5) == 0 ? Map.of("app", key, "role", "db") : Map.of("app", key), list,
                    null);
        }
        int keyVariant = random.nextInt(20);
        if (keyVariant == 0) {
            annotations.put(ANNOTATION_SHARED, ""); // present but empty: no sharing, whatever the deprecated one says
            annotations.put(DEPRECATED_SHARED, sharing.key());
        } else {
            annotations.put(keyVariant < 3 ? DEPRECATED_SHARED : ANNOTATION_SHARED, sharing.key());
        }
        spec.put("ports", sharing.ports());
        if (sharing.local()) {
            spec.put("externalTrafficPolicy", "Local");
            spec.put("selector", sharing.selector());
        }
        if (ip == null && random.nextInt(100) < 30) {
            ip = !sharedRequested.isEmpty() && random.nextBoolean()
                    ? sharedRequested.get(random.nextInt(sharedRequested.size())) : pickIp();
        }
        if (ip != null) {
            sharedRequested.add(ip);
            spec.put("loadBalancerIP", remember(ip));
        } else if (random.nextInt(10) == 0) {
            annotations.put(ANNOTATION_POOL, randomPoolName());
        }
        lastShared = new Sharing(sharing.key(), sharing.local(), sharing.selector(), sharing.ports(), ip);
    }

    /** The other protocol on port 53, the other of 80/443; for two ports, one of them again (a conflict). */
    private static List<Map<String, Object>> complement(List<Map<String, Object>> ports) {
        if (ports.size() > 1) {
            Map<String, Object> first = ports.get(0);
            return List.of(port(null, (String) first.get("protocol"), (Integer) first.get("port")));
        }
        Map<String, Object> only = ports.get(0);
        int number = (Integer) only.get("port");
        if (number == 53) {
            return List.of(port(null, "TCP".equals(only.get("protocol")) ? "UDP" : "TCP", 53));
        }
        return List.of(port(null, "TCP", number == 80 ? 443 : 80));
    }

    private Shape shape() {
        int total = 0;
        for (Shape s : Shape.values()) {
            total += weight(s);
        }
        int pick = random.nextInt(total);
        for (Shape s : Shape.values()) {
            pick -= weight(s);
            if (pick < 0) {
                return s;
            }
        }
        throw new IllegalStateException();
    }

    /**
     * No single-stack PreferDualStack Service where a pool holds IPv4 and IPv6: MetalLB v0.16.1 would give it the
     * pool's IPv6 address and take both away again, forever (see DifferentialIT's notes).
     */
    private int weight(Shape shape) {
        return shape == Shape.PREFER_DUAL && ipv6Mode == 1 ? 0 : shape.weight;
    }

    /** Matches no Pod; for externalTrafficPolicy Local it is the backend key ({@code app=red,role=db}). */
    private Map<String, String> selector() {
        Map<String, String> selector = new java.util.TreeMap<>();
        selector.put("app", random.nextBoolean() ? "red" : "blue");
        if (random.nextInt(5) == 0) {
            selector.put("role", "db");
        }
        return selector;
    }

    private static Map<String, Object> port(String name, String protocol, int number) {
        Map<String, Object> port = new LinkedHashMap<>();
        if (name != null) {
            port.put("name", name);
        }
        port.put("protocol", protocol);
        port.put("port", number);
        return port;
    }

    private String randomPoolName() {
        return pools.get(random.nextInt(pools.size())).name();
    }

    private String remember(String ip) {
        requested.add(ip);
        return ip;
    }

    /** An IP to request: in a pool (maybe taken by then), already requested, outside every pool, avoided, manual. */
    private String pickIp() {
        int variant = random.nextInt(100);
        if (variant >= 50 && variant < 62 && !requested.isEmpty()) {
            return requested.get(random.nextInt(requested.size()));
        }
        if (variant >= 62 && variant < 75) {
            if (ipv6Mode != 0 && variant < 65) {
                return "::1";
            }
            return random.nextBoolean() ? ip(block + 3, 200) : ip(block + 1, 128);
        }
        if (variant >= 75 && variant < 85 && !buggyIps.isEmpty()) {
            return buggyIps.get(random.nextInt(buggyIps.size()));
        }
        if (variant >= 85) {
            PoolSpec manual = pools.stream().filter(p -> !p.autoAssign() && !p.usableIpv4().isEmpty()).findFirst().orElse(null);
            if (manual != null) {
                return manual.usableIpv4().get(random.nextInt(manual.usableIpv4().size()));
            }
        }
        List<PoolSpec> ipv4Pools = pools.stream().filter(p -> !p.usableIpv4().isEmpty()).toList();
        PoolSpec pool = ipv4Pools.get(random.nextInt(ipv4Pools.size()));
        return pool.usableIpv4().get(random.nextInt(pool.usableIpv4().size()));
    }

    // ---- addresses

    static String ip(int third, int fourth) {
        return "127.0." + third + "." + fourth;
    }

    /** 127.0.t1.f1 to 127.0.t2.f2 inclusive, without .0 and .255 when avoiding them. */
    static List<String> range(int t1, int f1, int t2, int f2, boolean avoidBuggy) {
        List<String> out = new ArrayList<>();
        for (int v = t1 * 256 + f1; v <= t2 * 256 + f2; v++) {
            int fourth = v % 256;
            if (avoidBuggy && (fourth == 0 || fourth == 255)) {
                continue;
            }
            out.add(ip(v / 256, fourth));
        }
        return out;
    }
}
