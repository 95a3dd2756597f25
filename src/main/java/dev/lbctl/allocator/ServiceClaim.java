package dev.lbctl.allocator;

import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.IpFamily;
import dev.lbctl.services.ServicePort;
import dev.lbctl.services.ServiceRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What MetalLB's controller derives from one LoadBalancer Service before allocating: its IP family and policy, the
 * sharing and backend keys, the requested pool and the requested IPs.
 *
 * <p>Offline Services often have no clusterIP yet, so the family comes from {@code spec.ipFamilies} (as the API
 * server would assign it), else from {@code spec.clusterIP(s)} (what MetalLB reads), else from a dual-stack
 * {@code ipFamilyPolicy}, else IPv4. A dual-stack Service without a policy gets RequireDualStack, the API server's
 * default for two families.
 *
 * @param key {@code namespace/name}, built once: MetalLB's maps are keyed by it
 */
record ServiceClaim(
        ServiceRequest request,
        String key,
        ServiceFamily family,
        IpFamily primaryFamily,
        String familyPolicy,
        SharingKeys keys,
        Optional<String> desiredPool) {

    static final String SINGLE_STACK = "SingleStack";
    static final String PREFER_DUAL_STACK = "PreferDualStack";
    static final String REQUIRE_DUAL_STACK = "RequireDualStack";

    private static final String ANNOTATION_ADDRESS_POOL = "metallb.io/address-pool";
    private static final String DEPRECATED_ADDRESS_POOL = "metallb.universe.tf/address-pool";
    private static final String ANNOTATION_LOAD_BALANCER_IPS = "metallb.io/loadBalancerIPs";
    private static final String DEPRECATED_LOAD_BALANCER_IPS = "metallb.universe.tf/loadBalancerIPs";
    private static final String ANNOTATION_ALLOW_SHARED_IP = "metallb.io/allow-shared-ip";
    private static final String DEPRECATED_ALLOW_SHARED_IP = "metallb.universe.tf/allow-shared-ip";

    /** The requested IPs and their family, as MetalLB's {@code getDesiredLbIPs} returns them. */
    record DesiredIps(List<PackedIp> ips, ServiceFamily family) {
        static final DesiredIps NONE = new DesiredIps(List.of(), null);
    }

    static ServiceClaim of(ServiceRequest request) throws AllocationError {
        ServiceFamily family = family(request);
        String policy = request.ipFamilyPolicy()
                .orElse(family == ServiceFamily.DUAL ? REQUIRE_DUAL_STACK : SINGLE_STACK);
        String backend = "Local".equals(request.externalTrafficPolicy()) ? selectorString(request.selector()) : "";
        String pool = annotation(request, ANNOTATION_ADDRESS_POOL, DEPRECATED_ADDRESS_POOL);
        return new ServiceClaim(request, request.key(), family, primaryFamily(request), policy,
                new SharingKeys(annotation(request, ANNOTATION_ALLOW_SHARED_IP, DEPRECATED_ALLOW_SHARED_IP), backend),
                pool.isEmpty() ? Optional.empty() : Optional.of(pool));
    }

    private static ServiceFamily family(ServiceRequest request) throws AllocationError {
        List<String> families = request.ipFamilies();
        if (families.size() == 2) {
            return ServiceFamily.DUAL;
        }
        if (families.size() == 1) {
            return ServiceFamily.of(ipFamily(families.get(0)));
        }
        if (!request.clusterIps().isEmpty()) {
            return ServiceFamily.ofAddresses(request.clusterIps());
        }
        boolean dualStackPolicy = request.ipFamilyPolicy().isPresent() && !request.ipFamilyPolicy().get().equals(SINGLE_STACK);
        return dualStackPolicy ? ServiceFamily.DUAL : ServiceFamily.IPV4;
    }

    /** {@code spec.ipFamilies[0]}, which the API server derives from the first clusterIP; IPv4 when unknown. */
    private static IpFamily primaryFamily(ServiceRequest request) {
        if (!request.ipFamilies().isEmpty()) {
            return ipFamily(request.ipFamilies().get(0));
        }
        if (request.clusterIps().isEmpty()) {
            return IpFamily.IPV4;
        }
        return PackedIp.parseNetIp(request.clusterIps().get(0)).map(PackedIp::family).orElse(IpFamily.IPV4);
    }

    private static IpFamily ipFamily(String kubernetesName) {
        return "IPv6".equals(kubernetesName) ? IpFamily.IPV6 : IpFamily.IPV4;
    }

    /** {@code labels.Set(selector).String()}: keys sorted, {@code k=v} joined by commas. */
    private static String selectorString(Map<String, String> selector) {
        return new TreeMap<>(selector).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /** MetalLB's {@code valueForAnnotation}: the stable annotation when present (even empty), else the deprecated one. */
    private static String annotation(ServiceRequest request, String stable, String deprecated) {
        Map<String, String> annotations = request.annotations();
        if (annotations.containsKey(stable)) {
            return annotations.get(stable);
        }
        return annotations.getOrDefault(deprecated, "");
    }

    String namespace() {
        return request.namespace();
    }

    Map<String, String> labels() {
        return request.labels();
    }

    List<ServicePort> ports() {
        return request.ports();
    }

    boolean preferDualStack() {
        return PREFER_DUAL_STACK.equals(familyPolicy);
    }

    /** MetalLB's {@code getDesiredLbIPs}: the loadBalancerIPs annotation or spec.loadBalancerIP, with its messages. */
    DesiredIps desiredIps() throws AllocationError {
        String annotated = annotation(request, ANNOTATION_LOAD_BALANCER_IPS, DEPRECATED_LOAD_BALANCER_IPS);
        String specIp = request.loadBalancerIp();
        if (annotated.isEmpty() && specIp.isEmpty()) {
            return DesiredIps.NONE;
        }
        if (!annotated.isEmpty() && !specIp.isEmpty()) {
            throw new AllocationError("service can not have both " + ANNOTATION_LOAD_BALANCER_IPS
                    + " and svc.Spec.LoadBalancerIP");
        }
        if (!annotated.isEmpty()) {
            List<PackedIp> ips = new ArrayList<>();
            for (String part : annotated.split(",", -1)) {
                ips.add(PackedIp.parseNetIp(part.strip()).orElseThrow(() -> new AllocationError(
                        "invalid " + ANNOTATION_LOAD_BALANCER_IPS + ": " + GoQuote.q(annotated))));
            }
            return new DesiredIps(ips, ServiceFamily.ofAddresses(ips.stream().map(PackedIp::toString).toList()));
        }
        PackedIp ip = PackedIp.parseNetIp(specIp).orElseThrow(
                () -> new AllocationError("invalid spec.loadBalancerIP " + GoQuote.q(specIp)));
        return new DesiredIps(List.of(ip), ServiceFamily.of(ip.family()));
    }
}
