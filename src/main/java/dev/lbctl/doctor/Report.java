package dev.lbctl.doctor;

import java.util.List;

/** What {@code lbctl doctor} prints: the findings, and for each Service it followed, its IP and announcing node. */
public record Report(List<Finding> findings, List<ServiceCheck> services) {

    /**
     * @param ip the first load-balancer IP (the one MetalLB's election hashes); null while pending
     * @param predicted the node lbctl predicts announces it; null when none may
     * @param actual the node MetalLB says announces it (ServiceL2Status, else the latest nodeAssigned event); null when
     *     unknown
     */
    public record ServiceCheck(String namespace, String name, String ip, String predicted, String actual) {
    }

    public Report {
        findings = List.copyOf(findings);
        services = List.copyOf(services);
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.ERROR);
    }
}
