package dev.lbctl.doctor;

import dev.lbctl.cluster.Fields;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.status.LoadBalancerService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lbctl doctor}'s diagnosis: a pure function of a {@link Snapshot}. Without a Service it checks the installation;
 * with one (or all) it also follows each Service from allocation to announcement.
 */
public final class Diagnosis {

    private Diagnosis() {
    }

    public static Report diagnose(Snapshot snapshot, Scope scope) {
        ClusterFacts facts = new ClusterFacts(snapshot);
        List<Finding> findings = new ArrayList<>(InstallationChecks.check(facts));
        if (snapshot.metallb().controller().isEmpty()) {
            return new Report(findings, List.of());
        }
        Optional<MetalLbConfig> config;
        try {
            config = facts.config();
        } catch (InvalidInputException e) {
            findings.add(Finding.error(Code.CONFIGURATION_INVALID, "Namespace " + facts.metallbNamespace(),
                    Messages.get("doctor.configUnreadable", e.getMessage()),
                    "lbctl pool validate -f YOUR-CONFIG.yaml"));
            return new Report(findings, List.of());
        }
        config.ifPresent(c -> findings.addAll(BgpChecks.check(facts, c)));
        if (config.isEmpty() && scope.service().isEmpty()) {
            findings.add(Finding.warning(Code.NO_POOLS, "Namespace " + facts.metallbNamespace(),
                    Messages.get("doctor.noPoolsAtAll"),
                    AllocationReasons.fix(Code.NO_POOLS, "default", facts.metallbNamespace())));
        }
        Optional<String> lbClass = SnapshotReader.controllerFlag(snapshot, "lb-class");
        List<Map<String, Object>> loadBalancers = snapshot.services().stream()
                .filter(s -> LoadBalancerService.from(s).isPresent())
                .sorted(Comparator.comparing((Map<String, Object> s) -> Fields.namespace(s)).thenComparing(Fields::name))
                .toList();
        List<Map<String, Object>> handled = loadBalancers.stream()
                .filter(s -> LoadBalancerService.from(s).orElseThrow().handledBy(lbClass)).toList();
        List<Map<String, Object>> targets = targets(scope, snapshot, loadBalancers, handled, lbClass, findings);
        if (targets.isEmpty()) {
            return new Report(findings, List.of());
        }
        ServiceChecks checks = new ServiceChecks(facts, config, handled);
        List<Report.ServiceCheck> services = targets.stream().map(checks::check).toList();
        findings.addAll(checks.findings());
        return new Report(findings, services);
    }

    private static List<Map<String, Object>> targets(Scope scope, Snapshot snapshot, List<Map<String, Object>> loadBalancers,
            List<Map<String, Object>> handled, Optional<String> lbClass, List<Finding> findings) {
        if (scope.allServices()) {
            loadBalancers.stream().filter(s -> !handled.contains(s)).forEach(s -> findings.add(Finding.info(
                    Code.LOAD_BALANCER_CLASS_NOT_SERVED, "Service " + key(s), classMessage(s, lbClass))));
            return handled;
        }
        if (scope.service().isEmpty()) {
            return List.of();
        }
        String wanted = scope.service().get();
        Optional<Map<String, Object>> service = snapshot.services().stream().filter(s -> key(s).equals(wanted)).findFirst();
        if (service.isEmpty()) {
            String[] parts = wanted.split("/", 2);
            findings.add(Finding.error(Code.SERVICE_NOT_FOUND, "Service " + wanted, Messages.get("doctor.serviceNotFound", parts[1], parts[0]), "kubectl get services -A | grep " + parts[1]));
            return List.of();
        }
        if (LoadBalancerService.from(service.get()).isEmpty()) {
            findings.add(Finding.error(Code.NOT_LOAD_BALANCER, "Service " + wanted, Messages.get("doctor.notLoadBalancer",
                    Fields.string(Fields.map(service.get(), "spec"), "type")),
                    "kubectl -n " + Fields.namespace(service.get()) + " patch service " + Fields.name(service.get())
                            + " -p '{\"spec\":{\"type\":\"LoadBalancer\"}}'"));
            return List.of();
        }
        if (!handled.contains(service.get())) {
            findings.add(Finding.warning(Code.LOAD_BALANCER_CLASS_NOT_SERVED, "Service " + wanted,
                    classMessage(service.get(), lbClass), Messages.get("doctor.lbClass.fix")));
            return List.of();
        }
        return List.of(service.get());
    }

    private static String classMessage(Map<String, Object> service, Optional<String> lbClass) {
        return Messages.get("doctor.lbClass", Fields.string(Fields.map(service, "spec"), "loadBalancerClass"),
                lbClass.map(c -> "--lb-class=" + c).orElse(Messages.get("doctor.lbClass.none")));
    }

    private static String key(Map<String, Object> service) {
        return Fields.namespace(service) + "/" + Fields.name(service);
    }
}
