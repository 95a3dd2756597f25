package dev.lbctl.cli;

import dev.lbctl.doctor.Diagnosis;
import dev.lbctl.doctor.Finding;
import dev.lbctl.doctor.Report;
import dev.lbctl.doctor.Scope;
import dev.lbctl.doctor.SnapshotReader;
import dev.lbctl.i18n.Messages;
import dev.lbctl.report.CellWidth;
import dev.lbctl.report.Json;
import dev.lbctl.report.Table;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "doctor", description = {
    "Explain why a LoadBalancer Service is pending or not answering, and predict which node announces it (Layer 2):"
        + " reads the cluster once and reports findings, each with its evidence and fix. Changes nothing.",
    "Without a Service it checks the installation; with one (or --all) it also follows each Service from allocation"
        + " to announcement.",
    "Exit 0 when nothing is wrong, 1 when any finding is an error."})
public class DoctorCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SERVICE", arity = "0..1", description = "A LoadBalancer Service: NAME (with -n) or NAMESPACE/NAME.")
    String service;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "default",
            description = "The Service's namespace (default: ${DEFAULT-VALUE}).")
    String namespace;

    @Option(names = {"-A", "--all"}, description = "Every LoadBalancer Service MetalLB serves.")
    boolean all;

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Scope scope = scope();
        try (ClusterSession session = new ClusterSession(GlobalOptions.of(spec))) {
            Report report = Diagnosis.diagnose(SnapshotReader.read(session.cluster()), scope);
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.json() ? Json.write(json(report)) : table(report));
            out.flush();
            return report.hasErrors() ? ExitCode.CHECK_FAILED : ExitCode.OK;
        }
    }

    private Scope scope() {
        if (all && service != null) {
            throw new ParameterException(spec.commandLine(), Messages.get("doctor.serviceAndAll"));
        }
        if (all) {
            return Scope.all();
        }
        if (service == null) {
            return Scope.installation();
        }
        boolean namespaceGiven = spec.commandLine().getParseResult().hasMatchedOption("--namespace");
        if (service.contains("/")) {
            String[] parts = service.split("/", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty() || namespaceGiven) {
                throw new ParameterException(spec.commandLine(), Messages.get("doctor.badService", service));
            }
            return Scope.service(parts[0], parts[1]);
        }
        return Scope.service(namespace, service);
    }

    /**
     * The {@code -o json} document; its shape is stable (keys are added, never renamed or removed).
     *
     * <pre>
     * {"findings": [{"severity": "error"|"warning"|"info", "code": str, "object": str, "message": str, "fix": str|null}],
     *  "services": [{"namespace": str, "name": str, "ip": str|null,
     *                "announcement": {"predicted": node|null, "actual": node|null}}]}
     * </pre>
     */
    static Map<String, Object> json(Report report) {
        List<Object> findings = report.findings().stream().<Object>map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", f.severity().label());
            m.put("code", f.code().id());
            m.put("object", f.object());
            m.put("message", f.message());
            m.put("fix", f.fix());
            return m;
        }).toList();
        List<Object> services = report.services().stream().<Object>map(s -> {
            Map<String, Object> announcement = new LinkedHashMap<>();
            announcement.put("predicted", s.predicted());
            announcement.put("actual", s.actual());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("namespace", s.namespace());
            m.put("name", s.name());
            m.put("ip", s.ip());
            m.put("announcement", announcement);
            return m;
        }).toList();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("findings", findings);
        doc.put("services", services);
        return doc;
    }

    /** Findings (one block each: severity, code and object, then the message and the fix), then the Services. */
    static String table(Report report) {
        StringBuilder sb = new StringBuilder();
        if (report.findings().isEmpty()) {
            sb.append(Messages.get("doctor.noProblems")).append('\n');
        }
        for (Finding f : report.findings()) {
            sb.append(f.severity().label().toUpperCase(java.util.Locale.ROOT)).append(' ').append(f.code().id())
                    .append(": ").append(f.object()).append('\n')
                    .append("  ").append(f.message().replace("\n", "\n  ")).append('\n');
            if (f.fix() != null) {
                // The label alone, measured in cells, so that a multi-line fix lines up under its first line.
                String label = Messages.get("doctor.fix", "");
                sb.append("  ").append(label).append(f.fix().replace("\n", "\n  " + " ".repeat(CellWidth.of(label)))).append('\n');
            }
        }
        if (!report.services().isEmpty()) {
            sb.append('\n').append(new Table<Report.ServiceCheck>()
                    .column(Messages.get("column.namespace"), Report.ServiceCheck::namespace)
                    .column(Messages.get("column.name"), Report.ServiceCheck::name)
                    .column(Messages.get("column.ip"), Report.ServiceCheck::ip)
                    .column(Messages.get("doctor.column.predicted"), Report.ServiceCheck::predicted)
                    .column(Messages.get("doctor.column.announcing"), Report.ServiceCheck::actual)
                    .render(report.services()));
        }
        return sb.toString();
    }
}
