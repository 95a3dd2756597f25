package dev.lbctl.status;

import dev.lbctl.i18n.Messages;
import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterAccessException;
import dev.lbctl.cluster.Fields;
import dev.lbctl.config.ConfigStyle;
import dev.lbctl.metallb.MemberlistSecret;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.MetalLbVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gathers a {@link StatusReport} from the cluster. Read-only: it lists and gets, and never changes anything.
 *
 * <p>MetalLB is found by its controller Deployment: {@code metallb-system/controller} first, else any namespace's
 * Deployment that {@link MetalLbWorkloads#isComponent} recognizes. Everything else is read from that namespace.
 * Services with a {@code loadBalancerClass} that the controller does not serve ({@code --lb-class}) are not MetalLB's
 * and are left out. Every failure to reach the cluster is a {@link dev.lbctl.cluster.ClusterAccessException}.
 */
public final class StatusReader {

    static final String METALLB_API = "metallb.io/v1beta1";

    private final Cluster cluster;
    private final List<String> warnings = new ArrayList<>();

    public StatusReader(Cluster cluster) {
        this.cluster = cluster;
    }

    /** Where and which MetalLB runs, without reading pools or Services (verify's first question). */
    public MetalLbStatus detect() {
        return findController().map(this::metallb).orElse(MetalLbStatus.notInstalled());
    }

    /** Problems noticed while reading, for stderr. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public StatusReport read() {
        Optional<Map<String, Object>> controller = findController();
        List<LoadBalancerService> services = loadBalancerServices(controller
                .flatMap(c -> MetalLbWorkloads.flag(c, MetalLbWorkloads.CONTROLLER, "lb-class")));
        if (controller.isEmpty()) {
            List<ServiceStatus> pending = services.stream().map(s -> new ServiceStatus(s.namespace(), s.name(), s.ips(),
                    s.allocatedFromPool(), Optional.empty(), Optional.empty())).toList();
            return new StatusReport(MetalLbStatus.notInstalled(), List.of(), pending, warnings);
        }
        MetalLbStatus metallb = metallb(controller.get());
        MetalLbConfiguration configuration = MetalLbConfiguration.read(cluster, metallb);
        List<AddressPool> pools = pools(metallb, configuration);
        Map<String, Layer2Announcement> l2 = layer2Announcements(metallb.namespace());
        Map<String, List<BgpAnnouncement>> bgp = BgpAnnouncement.byService(
                optionalList(METALLB_API, "ServiceBGPStatus", metallb.namespace()));
        List<ServiceStatus> serviceStatuses = new ArrayList<>();
        for (LoadBalancerService s : services) {
            Optional<String> pool = PoolUsage.poolOf(s, pools);
            Optional<Layer2Announcement> announcement = Optional.ofNullable(l2.get(s.key()));
            Optional<String> node = announcement.map(Layer2Announcement::node);
            Optional<String> reason = Optional.empty();
            if (s.ips().isEmpty()) {
                reason = ServiceEvents.lastAllocationFailure(events(s));
            } else if (node.isEmpty()) {
                node = ServiceEvents.announcingNode(events(s));
            }
            serviceStatuses.add(new ServiceStatus(s.namespace(), s.name(), s.ips(), pool, node, reason,
                    announcement.map(Layer2Announcement::interfaces).orElse(List.of()), bgp.getOrDefault(s.key(), List.of())));
        }
        Set<String> allIps = new LinkedHashSet<>();
        services.forEach(s -> allIps.addAll(s.ips()));
        List<PoolStatus> poolStatuses = pools.stream().map(p -> new PoolStatus(p.name(), p.addresses(),
                PoolUsage.assigned(p, allIps), PoolUsage.total(p))).toList();
        List<BgpPeerStatus> peers = configuration.bgpPeerResources().stream().map(BgpPeerStatus::from)
                .sorted(Comparator.comparing(BgpPeerStatus::name)).toList();
        return new StatusReport(metallb, poolStatuses, serviceStatuses, peers, warnings);
    }

    private Optional<Map<String, Object>> findController() {
        Optional<Map<String, Object>> upstream = cluster.get("apps/v1", "Deployment", MetalLbStatus.DEFAULT_NAMESPACE,
                MetalLbWorkloads.CONTROLLER).filter(d -> MetalLbWorkloads.isComponent(d, MetalLbWorkloads.CONTROLLER));
        if (upstream.isPresent()) {
            return upstream;
        }
        List<Map<String, Object>> deployments = cluster.list("apps/v1", "Deployment", null);
        Set<String> where = new TreeSet<>();
        deployments.stream().filter(d -> MetalLbWorkloads.isComponent(d, MetalLbWorkloads.CONTROLLER))
                .forEach(d -> where.add(Fields.namespace(d) + "/" + Fields.name(d)));
        Optional<Map<String, Object>> picked = MetalLbWorkloads.pickController(deployments, MetalLbStatus.DEFAULT_NAMESPACE);
        if (where.size() > 1) {
            warnings.add(Messages.get("status.warn.severalControllers", String.join(", ", where),
                    picked.map(d -> Fields.namespace(d) + "/" + Fields.name(d)).orElse("")));
        }
        return picked;
    }

    private MetalLbStatus metallb(Map<String, Object> controller) {
        String namespace = Fields.namespace(controller);
        WorkloadStatus controllerStatus = MetalLbWorkloads.deploymentStatus(controller);
        Optional<MetalLbVersion> version = ImageVersion.of(controllerStatus.image());
        if (version.isEmpty()) {
            warnings.add(Messages.get("status.warn.unknownVersion", controllerStatus.image()));
        }
        Optional<String> configFlag = MetalLbWorkloads.flag(controller, MetalLbWorkloads.CONTROLLER, "config");
        ConfigStyle style = version.map(v -> v.usesConfigMap() ? ConfigStyle.LEGACY_CONFIGMAP : ConfigStyle.CRD)
                .orElse(configFlag.isPresent() ? ConfigStyle.LEGACY_CONFIGMAP : ConfigStyle.CRD);
        Optional<String> configMap = style == ConfigStyle.LEGACY_CONFIGMAP ? Optional.of(configFlag.orElse("config")) : Optional.empty();

        Optional<Map<String, Object>> speaker = cluster.get("apps/v1", "DaemonSet", namespace, MetalLbWorkloads.SPEAKER)
                .filter(d -> MetalLbWorkloads.isComponent(d, MetalLbWorkloads.SPEAKER))
                .or(() -> MetalLbWorkloads.pickSpeaker(cluster.list("apps/v1", "DaemonSet", namespace)));
        if (speaker.isEmpty()) {
            warnings.add(Messages.get("status.warn.noSpeaker", namespace));
        }

        String secret = MetalLbWorkloads.env(controller, MetalLbWorkloads.CONTROLLER, "METALLB_ML_SECRET_NAME")
                .or(() -> speaker.flatMap(s -> MetalLbWorkloads.envSecret(s, MetalLbWorkloads.SPEAKER, "METALLB_ML_SECRET_KEY")))
                .filter(n -> !n.isBlank())
                .orElse(MemberlistSecret.NAME);
        boolean secretPresent = cluster.get("v1", "Secret", namespace, secret).isPresent();

        Optional<String> webhookService = Optional.empty();
        Optional<Boolean> webhookEndpoints = Optional.empty();
        if (style == ConfigStyle.CRD) {
            List<String> names = MetalLbWorkloads.flag(controller, MetalLbWorkloads.CONTROLLER, "cert-service-name")
                    .map(List::of).orElse(WebhookEndpoints.serviceNames(version));
            Optional<String> found = names.stream().filter(n -> cluster.get("v1", "Service", namespace, n).isPresent()).findFirst();
            webhookService = found;
            if (found.isEmpty()) {
                warnings.add(Messages.get("status.warn.noWebhookService", namespace, String.join(Messages.get("status.or"), names)));
                webhookEndpoints = Optional.of(false);
            } else {
                List<Map<String, Object>> slices = cluster.serves("discovery.k8s.io/v1", "EndpointSlice")
                        ? cluster.list("discovery.k8s.io/v1", "EndpointSlice", namespace) : List.of();
                String service = found.get();
                boolean anySlice = slices.stream().anyMatch(s -> service.equals(Fields.string(
                        Fields.map(Fields.map(s, "metadata"), "labels"), WebhookEndpoints.SERVICE_NAME_LABEL)));
                Optional<Map<String, Object>> endpoints = anySlice ? Optional.empty()
                        : cluster.get("v1", "Endpoints", namespace, service);
                webhookEndpoints = Optional.of(WebhookEndpoints.ready(service, slices, endpoints));
            }
        }
        return new MetalLbStatus(namespace, version, Optional.of(style), configMap, Optional.of(controllerStatus),
                speaker.map(MetalLbWorkloads::daemonSetStatus), secret, secretPresent, webhookService, webhookEndpoints);
    }

    private List<AddressPool> pools(MetalLbStatus metallb, MetalLbConfiguration configuration) {
        MetalLbVersion version = metallb.version().orElse(MetalLbConfiguration.fallbackVersion(configuration.style()));
        if (configuration.style() == ConfigStyle.LEGACY_CONFIGMAP) {
            if (configuration.legacyText().isEmpty()) {
                String configMap = metallb.namespace() + "/" + metallb.configMap().orElse("config");
                warnings.add(Messages.get(configuration.configMapExists() ? "status.warn.noConfigKey" : "status.warn.noConfigMap",
                        configMap));
                return List.of();
            }
            return PoolReading.fromConfigMapText(configuration.legacyText().get(), configuration.source(), version, warnings);
        }
        if (!configuration.crdsServed()) {
            warnings.add(Messages.get("status.warn.noCrds", METALLB_API));
            return List.of();
        }
        List<AddressPool> pools = new ArrayList<>();
        for (Map<String, Object> object : configuration.poolResources()) {
            PoolReading.fromResource(object, version, warnings).ifPresent(pools::add);
        }
        if (pools.isEmpty()) {
            warnings.add(Messages.get("status.warn.noPools", metallb.namespace()));
        }
        return pools;
    }

    /** ServiceL2Status (v0.14.2 and later): which node announces each Service, keyed by namespace/name. */
    private Map<String, Layer2Announcement> layer2Announcements(String namespace) {
        if (!cluster.serves(METALLB_API, "ServiceL2Status")) {
            return Map.of();
        }
        List<Map<String, Object>> statuses;
        try {
            statuses = cluster.list(METALLB_API, "ServiceL2Status", namespace);
        } catch (ClusterAccessException e) {
            // Only a hint: the speakers' events name the node too. Right after an install the API server answers
            // 429 "storage is (re)initializing" for a new CRD for a few seconds.
            warnings.add(Messages.get("status.warn.noL2Status", e.getMessage()));
            return Map.of();
        }
        return Layer2Announcement.byService(statuses);
    }

    /** A kind that older releases do not serve: empty then, and empty (with a warning) when unreadable. */
    private List<Map<String, Object>> optionalList(String api, String kind, String namespace) {
        if (!cluster.serves(api, kind)) {
            return List.of();
        }
        try {
            return cluster.list(api, kind, namespace);
        } catch (ClusterAccessException e) {
            warnings.add(Messages.get("status.warn.kindUnreadable", kind, e.getMessage()));
            return List.of();
        }
    }

    private List<LoadBalancerService> loadBalancerServices(Optional<String> lbClass) {
        return cluster.list("v1", "Service", null).stream()
                .map(LoadBalancerService::from).flatMap(Optional::stream)
                .filter(s -> s.handledBy(lbClass))
                .sorted(Comparator.comparing(LoadBalancerService::namespace).thenComparing(LoadBalancerService::name))
                .toList();
    }

    private List<Map<String, Object>> events(LoadBalancerService s) {
        return cluster.events(s.namespace(), "Service", s.name());
    }
}
