package dev.lbctl.services;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.IpAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Kubernetes Service manifests (multi-document YAML, or {@code kind: List} as {@code kubectl get -o yaml} writes
 * it) for the allocation simulator. Namespace documents contribute their labels; other kinds are ignored, so a whole
 * application manifest can be given as is. Non-LoadBalancer Services are kept: the simulator reports them as skipped.
 */
public final class ServiceManifests {

    private static final Set<String> TYPES = Set.of("ClusterIP", "NodePort", ServiceRequest.LOAD_BALANCER, "ExternalName");
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
    private static final Set<String> FAMILIES = Set.of("IPv4", "IPv6");
    private static final Set<String> FAMILY_POLICIES = Set.of("SingleStack", "PreferDualStack", "RequireDualStack");
    private static final Set<String> TRAFFIC_POLICIES = Set.of("Cluster", "Local");
    /** What the API server stores in clusterIP(s) for a headless Service. */
    private static final String HEADLESS = "None";

    private ServiceManifests() {
    }

    public static ServiceInventory read(Path file) {
        return fromDocuments(YamlDocuments.load(file), file.toString());
    }

    /** Parses YAML text that came from {@code source} (a file name, or a description such as "standard input"). */
    public static ServiceInventory parse(String text, String source) {
        return fromDocuments(YamlDocuments.parse(text, source), source);
    }

    private static ServiceInventory fromDocuments(List<Object> documents, String source) {
        List<ServiceRequest> services = new ArrayList<>();
        Map<String, Map<String, String>> namespaceLabels = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        int position = 0;
        for (Object object : YamlDocuments.flattenLists(documents)) {
            position++;
            if (!(object instanceof Map<?, ?> map)) {
                throw new InvalidInputException(Messages.get("services.notAnObject", source, position));
            }
            Object kind = map.get("kind");
            if ("Service".equals(kind)) {
                ServiceRequest service = service(map, source, position);
                if (!seen.add(service.key())) {
                    throw new InvalidInputException(Messages.get("services.twice", source, service.key()));
                }
                services.add(service);
            } else if ("Namespace".equals(kind)) {
                ObjectFields unnamed = new ObjectFields(Messages.get("services.object", source, position, "Namespace"));
                Map<?, ?> metadata = unnamed.map(map, "metadata", "metadata");
                String name = requiredName(unnamed, metadata, source, "Namespace", position);
                namespaceLabels.put(name, new ObjectFields(source + ": Namespace " + name)
                        .stringMap(metadata, "labels", "metadata.labels"));
            }
        }
        return new ServiceInventory(services, namespaceLabels);
    }

    private static ServiceRequest service(Map<?, ?> object, String source, int position) {
        ObjectFields unnamed = new ObjectFields(Messages.get("services.object", source, position, "Service"));
        Map<?, ?> metadata = unnamed.map(object, "metadata", "metadata");
        String name = requiredName(unnamed, metadata, source, "Service", position);
        String namespace = unnamed.string(metadata, "namespace", "metadata.namespace").filter(s -> !s.isEmpty())
                .orElse("default");
        ObjectFields fields = new ObjectFields(source + ": Service " + namespace + "/" + name);
        Map<?, ?> spec = fields.map(object, "spec", "spec");
        return new ServiceRequest(
                namespace,
                name,
                fields.stringMap(metadata, "labels", "metadata.labels"),
                fields.stringMap(metadata, "annotations", "metadata.annotations"),
                fields.oneOf(spec, "type", "spec.type", TYPES).orElse("ClusterIP"),
                fields.string(spec, "loadBalancerClass", "spec.loadBalancerClass"),
                fields.string(spec, "loadBalancerIP", "spec.loadBalancerIP").orElse(""),
                ipFamilies(fields, spec),
                fields.oneOf(spec, "ipFamilyPolicy", "spec.ipFamilyPolicy", FAMILY_POLICIES),
                clusterIps(fields, spec),
                ports(fields, spec),
                fields.oneOf(spec, "externalTrafficPolicy", "spec.externalTrafficPolicy", TRAFFIC_POLICIES).orElse("Cluster"),
                fields.stringMap(spec, "selector", "spec.selector"),
                ingressIps(fields, object));
    }

    private static String requiredName(ObjectFields fields, Map<?, ?> metadata, String source, String kind, int position) {
        Optional<String> name = fields.string(metadata, "name", "metadata.name").filter(s -> !s.isEmpty());
        return name.orElseThrow(() -> new InvalidInputException(Messages.get("services.noName",
                Messages.get("services.object", source, position, kind), kind)));
    }

    private static List<String> ipFamilies(ObjectFields fields, Map<?, ?> spec) {
        List<String> families = fields.stringList(spec, "ipFamilies", "spec.ipFamilies");
        for (int i = 0; i < families.size(); i++) {
            if (!FAMILIES.contains(families.get(i))) {
                throw fields.invalid("spec.ipFamilies[" + i + "]", "family", families.get(i));
            }
        }
        if (families.size() > 2 || new HashSet<>(families).size() != families.size()) {
            throw fields.problem(Messages.get("services.familiesTwice", families));
        }
        return families;
    }

    /** {@code spec.clusterIPs}, else {@code spec.clusterIP}; a headless value ("None") counts as unset. */
    private static List<String> clusterIps(ObjectFields fields, Map<?, ?> spec) {
        List<String> ips = fields.stringList(spec, "clusterIPs", "spec.clusterIPs");
        String path = "spec.clusterIPs";
        if (ips.isEmpty()) {
            ips = fields.string(spec, "clusterIP", "spec.clusterIP").stream().toList();
            path = "spec.clusterIP";
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ips.size(); i++) {
            String ip = ips.get(i);
            if (ip.isEmpty() || ip.equals(HEADLESS)) {
                continue;
            }
            if (IpAddress.parse(ip).isEmpty()) {
                throw fields.invalid(path.equals("spec.clusterIP") ? path : path + "[" + i + "]", "ip", ip);
            }
            out.add(ip);
        }
        return out;
    }

    private static List<ServicePort> ports(ObjectFields fields, Map<?, ?> spec) {
        List<?> items = fields.list(spec, "ports", "spec.ports");
        List<ServicePort> ports = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            String path = "spec.ports[" + i + "]";
            if (!(items.get(i) instanceof Map<?, ?> port)) {
                throw fields.invalid(path, "port", items.get(i));
            }
            Object number = port.get("port");
            if (!(number instanceof Integer n) || n < 1 || n > 65535) {
                throw fields.invalid(path + ".port", "portNumber", number);
            }
            ports.add(new ServicePort(fields.oneOf(port, "protocol", path + ".protocol", PROTOCOLS).orElse("TCP"), n));
        }
        return ports;
    }

    private static List<String> ingressIps(ObjectFields fields, Map<?, ?> object) {
        Map<?, ?> loadBalancer = fields.map(fields.map(object, "status", "status"), "loadBalancer", "status.loadBalancer");
        List<?> ingress = fields.list(loadBalancer, "ingress", "status.loadBalancer.ingress");
        List<String> ips = new ArrayList<>();
        for (int i = 0; i < ingress.size(); i++) {
            String path = "status.loadBalancer.ingress[" + i + "]";
            if (!(ingress.get(i) instanceof Map<?, ?> entry)) {
                throw fields.invalid(path, "ingress", ingress.get(i));
            }
            Optional<String> ip = fields.string(entry, "ip", path + ".ip").filter(s -> !s.isEmpty());
            if (ip.isPresent() && IpAddress.parse(ip.get()).isEmpty()) {
                throw fields.invalid(path + ".ip", "ip", ip.get());
            }
            ip.ifPresent(ips::add);
        }
        return ips;
    }
}
