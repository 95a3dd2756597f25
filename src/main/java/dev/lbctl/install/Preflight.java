package dev.lbctl.install;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.Fields;
import dev.lbctl.cluster.NodeInfo;
import dev.lbctl.i18n.Messages;
import dev.lbctl.kubeproxy.StrictArpResult;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.IpAddress;
import dev.lbctl.pool.IpFamily;
import dev.lbctl.report.Progress;
import dev.lbctl.status.MetalLbStatus;
import dev.lbctl.status.StatusReader;
import dev.lbctl.strictarp.KubeProxyStrictArp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster half of install's checks, all run before anything is applied: kube-proxy's strictARP, pools against the
 * node, pod and service networks, and an existing MetalLB. Every problem is collected, then reported together.
 */
final class Preflight {

    private final Cluster cluster;
    private final Progress progress;

    Preflight(Cluster cluster, Progress progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    /** Runs every check; throws {@link PreflightFailedException} listing all errors. */
    void run(InstallPlan plan, List<AddressPool> pools) {
        List<String> errors = new ArrayList<>();
        String version = progress.step(Messages.get("install.step.serverVersion"), cluster::serverVersion);
        progress.info(Messages.get("install.serverVersion", version, cluster.serverUrl()));
        if (plan.checkStrictArp()) {
            StrictArpResult strictArp = progress.step(Messages.get("install.step.strictArp"),
                    () -> new KubeProxyStrictArp(cluster, progress).check().check());
            if (strictArp.status() == StrictArpResult.Status.NEEDS_CHANGE) {
                errors.add(Messages.get("preflight.strictArp", strictArp.reason()));
            }
        }
        List<NodeInfo> nodes = progress.step(Messages.get("install.step.nodes"), cluster::nodes);
        errors.addAll(networkOverlaps(pools, nodes, serviceCidrs()));
        subnetWarnings(pools, nodes).forEach(progress::warn);
        MetalLbStatus existing = progress.step(Messages.get("install.step.existing"), () -> new StatusReader(cluster).detect());
        existing.version().filter(v -> existing.installed() && !v.equals(plan.release().version())).ifPresent(v ->
                errors.add(Messages.get("preflight.otherRelease", v, existing.namespace())));
        if (!errors.isEmpty()) {
            errors.forEach(e -> progress.info(Messages.get("problem.error", e)));
            throw new PreflightFailedException(errors);
        }
    }

    static List<String> networkOverlaps(List<AddressPool> pools, List<NodeInfo> nodes, List<Cidr> serviceCidrs) {
        List<String> errors = new ArrayList<>();
        for (AddressPool pool : pools) {
            for (NodeInfo node : nodes) {
                for (String ipText : node.internalIps()) {
                    IpAddress.parse(ipText).filter(ip -> pool.cidrs().stream().anyMatch(c -> c.contains(ip))).ifPresent(ip -> errors.add(
                            Messages.get("preflight.nodeAddress", pool.name(), ip, node.name())));
                }
                for (String cidrText : node.podCidrs()) {
                    Cidr.parse(cidrText).flatMap(pod -> overlapping(pool, pod)).ifPresent(c -> errors.add(
                            Messages.get("preflight.podNetwork", pool.name(), c, cidrText, node.name())));
                }
            }
            for (Cidr service : serviceCidrs) {
                overlapping(pool, service).ifPresent(c -> errors.add(
                        Messages.get("preflight.serviceNetwork", pool.name(), c, service)));
            }
        }
        return errors;
    }

    /**
     * Layer 2 answers ARP/NDP only on the nodes' own segment. Node masks are not in the API, so this assumes a /24
     * (IPv4) or /64 (IPv6) around each node address and only warns.
     */
    static List<String> subnetWarnings(List<AddressPool> pools, List<NodeInfo> nodes) {
        List<String> warnings = new ArrayList<>();
        List<IpAddress> nodeIps = nodes.stream().flatMap(n -> n.internalIps().stream())
                .map(IpAddress::parse).flatMap(Optional::stream).toList();
        if (nodeIps.isEmpty()) {
            return warnings;
        }
        for (AddressPool pool : pools) {
            for (Cidr cidr : pool.cidrs()) {
                int segment = cidr.family() == IpFamily.IPV4 ? 24 : 64;
                boolean onANodeSegment = nodeIps.stream().filter(ip -> ip.family() == cidr.family())
                        .anyMatch(ip -> Cidr.containing(ip, segment).contains(cidr.first()));
                if (!onANodeSegment) {
                    warnings.add(Messages.get("preflight.offSegment", pool.name(), cidr, segment, nodeIps));
                    break;
                }
            }
        }
        return warnings;
    }

    private static Optional<Cidr> overlapping(AddressPool pool, Cidr other) {
        return pool.cidrs().stream().filter(c -> c.overlaps(other)).findFirst();
    }

    /** The service network from the ServiceCIDR API (Kubernetes 1.33+); older clusters do not publish it. */
    private List<Cidr> serviceCidrs() {
        if (!cluster.serves("networking.k8s.io/v1", "ServiceCIDR")) {
            return List.of();
        }
        List<Cidr> cidrs = new ArrayList<>();
        for (Map<String, Object> sc : cluster.list("networking.k8s.io/v1", "ServiceCIDR", null)) {
            for (Object c : Fields.list(Fields.map(sc, "spec"), "cidrs")) {
                Cidr.parse(String.valueOf(c)).ifPresent(cidrs::add);
            }
        }
        return cidrs;
    }
}
