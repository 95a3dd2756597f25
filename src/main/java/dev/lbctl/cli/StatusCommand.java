package dev.lbctl.cli;

import dev.lbctl.config.ConfigStyle;
import dev.lbctl.i18n.Messages;
import dev.lbctl.report.CellWidth;
import dev.lbctl.report.Json;
import dev.lbctl.report.Progress;
import dev.lbctl.report.Table;
import dev.lbctl.status.MetalLbStatus;
import dev.lbctl.status.PoolStatus;
import dev.lbctl.status.ServiceEvents;
import dev.lbctl.status.ServiceStatus;
import dev.lbctl.status.StatusReader;
import dev.lbctl.status.StatusReport;
import dev.lbctl.status.WorkloadStatus;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "status", description = {
    "Show MetalLB's version, config style and readiness, each pool's assigned and total addresses, and every"
        + " LoadBalancer Service with its IP, pool and announcing node (or why it is pending). Changes nothing.",
    "Exit 0 when MetalLB is installed, its controller and speakers are ready and it has a pool; 1 otherwise (the report is printed either way)."})
public class StatusCommand implements Callable<Integer> {

    private static final String PENDING = "<pending>";

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        Progress progress = GlobalOptions.progress(spec);
        try (ClusterSession session = new ClusterSession(global)) {
            StatusReport report = new StatusReader(session.cluster()).read();
            report.warnings().forEach(progress::warn);
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.json() ? Json.write(json(report)) : table(report));
            out.flush();
            return report.healthy() ? ExitCode.OK : ExitCode.CHECK_FAILED;
        }
    }

    /**
     * The {@code -o json} document. Its shape is stable: keys are added, never renamed or removed.
     *
     * <pre>
     * {
     *   "metallb": {
     *     "installed": bool,                 // a MetalLB controller Deployment was found
     *     "ready": bool,                     // installed, controller and speaker ready (exit code 0)
     *     "version": "v0.16.1" | null,        // from the controller's image tag; null when the tag is not a release
     *     "namespace": str,                  // where the controller runs; "metallb-system" when not installed
     *     "configStyle": "configmap" | "crd" | null,   // null when not installed
     *     "configMap": str | null,           // configmap style: the ConfigMap the controller's --config names
     *     "controller": {"name": str, "image": str, "ready": int, "desired": int} | null,   // null: not installed
     *     "speaker": {"name": str, "image": str, "ready": int, "desired": int} | null,      // null: no DaemonSet
     *     "memberlistSecret": bool,          // the Secret the speakers need exists (false when not installed)
     *     "webhookEndpoints": bool | null    // crd style: the webhook Service has a ready endpoint; else null
     *   },
     *   "pools": [                           // in the order the cluster lists them (the ConfigMap's order)
     *     {"name": str, "addresses": [str], "assigned": int, "total": "&lt;decimal string&gt;"}
     *   ],                                   // assigned: distinct ingress IPs in the pool; total: usable addresses
     *   "services": [                        // LoadBalancer Services MetalLB handles, by namespace and name
     *     {"namespace": str, "name": str, "ips": [str], "pool": str | null, "node": str | null,
     *      "interfaces": [str],               // from ServiceL2Status; [] = every interface (or unknown)
     *      "status": "assigned" | "pending", "reason": str | null}   // reason: last AllocationFailed message
     *   ],
     *   "warnings": [str]                    // also printed on stderr
     * }
     * </pre>
     *
     * {@code total} is a string because an IPv6 pool easily exceeds what a JSON number holds exactly (a /64 is 2^64).
     */
    public static Map<String, Object> json(StatusReport report) {
        MetalLbStatus m = report.metallb();
        Map<String, Object> metallb = new LinkedHashMap<>();
        metallb.put("installed", m.installed());
        metallb.put("ready", m.ready());
        metallb.put("version", m.version().map(Object::toString).orElse(null));
        metallb.put("namespace", m.namespace());
        metallb.put("configStyle", m.configStyle().map(s -> s == ConfigStyle.LEGACY_CONFIGMAP ? "configmap" : "crd").orElse(null));
        metallb.put("configMap", m.configMap().orElse(null));
        metallb.put("controller", m.controller().map(StatusCommand::workload).orElse(null));
        metallb.put("speaker", m.speaker().map(StatusCommand::workload).orElse(null));
        metallb.put("memberlistSecret", m.memberlistSecretPresent());
        metallb.put("webhookEndpoints", m.webhookEndpoints().orElse(null));

        List<Object> pools = new ArrayList<>();
        for (PoolStatus p : report.pools()) {
            Map<String, Object> pool = new LinkedHashMap<>();
            pool.put("name", p.name());
            pool.put("addresses", p.addresses());
            pool.put("assigned", p.assigned());
            pool.put("total", p.total().toString());
            pools.add(pool);
        }
        List<Object> services = new ArrayList<>();
        for (ServiceStatus s : report.services()) {
            Map<String, Object> service = new LinkedHashMap<>();
            service.put("namespace", s.namespace());
            service.put("name", s.name());
            service.put("ips", s.ips());
            service.put("pool", s.pool().orElse(null));
            service.put("node", s.node().orElse(null));
            service.put("interfaces", s.interfaces());
            service.put("status", s.assigned() ? "assigned" : "pending");
            service.put("reason", s.reason().orElse(null));
            services.add(service);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("metallb", metallb);
        doc.put("pools", pools);
        doc.put("services", services);
        doc.put("warnings", report.warnings());
        return doc;
    }

    private static Map<String, Object> workload(WorkloadStatus w) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", w.name());
        doc.put("image", w.image());
        doc.put("ready", w.ready());
        doc.put("desired", w.desired());
        return doc;
    }

    /** The table output: a MetalLB section of key/value lines, then the POOLS and SERVICES tables. */
    public static String table(StatusReport report) {
        MetalLbStatus m = report.metallb();
        StringBuilder sb = new StringBuilder(Messages.get("status.metallb")).append('\n');
        if (!m.installed()) {
            line(sb, "status.installed", Messages.get("status.notInstalled"));
        } else {
            line(sb, "status.installed", Messages.get("status.installedIn",
                    m.version().map(Object::toString).orElse(Messages.get("status.versionUnknown")), m.namespace()));
            line(sb, "status.config", m.configStyle().orElseThrow() == ConfigStyle.LEGACY_CONFIGMAP
                    ? Messages.get("status.config.configMap", m.configMap().orElseThrow()) : Messages.get("status.config.crds"));
            line(sb, "status.controller", readiness(m.controller().orElseThrow()));
            line(sb, "status.speaker", m.speaker().map(StatusCommand::readiness).orElse(Messages.get("status.notFound")));
            line(sb, "status.memberlist", Messages.get(m.memberlistSecretPresent() ? "status.secret.present" : "status.secret.missing",
                    m.memberlistSecret()));
            m.webhookEndpoints().ifPresent(ready -> line(sb, "status.webhook", m.webhookService()
                    .map(service -> Messages.get(ready ? "status.webhook.ready" : "status.webhook.notReady", service))
                    .orElse(Messages.get("status.webhook.none"))));
        }
        sb.append('\n').append(Messages.get("status.pools")).append('\n');
        if (report.pools().isEmpty()) {
            sb.append(Messages.get("status.none")).append('\n');
        } else {
            sb.append(new Table<PoolStatus>()
                    .column(Messages.get("column.name"), PoolStatus::name)
                    .column(Messages.get("pool.column.addresses"), p -> String.join(",", p.addresses()))
                    .column(Messages.get("status.column.assigned"), p -> Long.toString(p.assigned()))
                    .column(Messages.get("status.column.total"), p -> p.total().toString())
                    .render(report.pools()));
        }
        sb.append('\n').append(Messages.get("status.services")).append('\n');
        if (report.services().isEmpty()) {
            sb.append(Messages.get("status.none")).append('\n');
        } else {
            sb.append(new Table<ServiceStatus>()
                    .column(Messages.get("column.namespace"), ServiceStatus::namespace)
                    .column(Messages.get("column.name"), ServiceStatus::name)
                    .column(Messages.get("status.column.externalIp"), s -> s.assigned() ? String.join(",", s.ips()) : PENDING)
                    .column(Messages.get("column.pool"), s -> s.pool().orElse(""))
                    .column(Messages.get("column.node"), s -> s.node().map(n -> s.interfaces().isEmpty() ? n
                            : Messages.get("status.nodeInterfaces", n, String.join(", ", s.interfaces()))).orElse(""))
                    .column(Messages.get("column.status"), s -> s.assigned() ? Messages.get("status.assigned")
                            : s.reason().map(r -> Messages.get("status.pendingBecause", ServiceEvents.allocationError(r)))
                                    .orElse(Messages.get("status.pending")))
                    .render(report.services()));
        }
        return sb.toString();
    }

    private static String readiness(WorkloadStatus w) {
        return Messages.get("status.readiness", w.ready(), w.desired(), w.kind(), w.name());
    }

    /** {@code key} is the catalog key of the label; labels are padded in terminal cells so values line up. */
    private static void line(StringBuilder sb, String key, String value) {
        sb.append("  ").append(CellWidth.pad(Messages.get(key) + ":", 18)).append(' ').append(value).append('\n');
    }
}
