package dev.lbctl.cli;

import dev.lbctl.allocator.Allocation;
import dev.lbctl.allocator.Simulation;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.Problem;
import dev.lbctl.election.ElectionInputs;
import dev.lbctl.election.ElectionRules;
import dev.lbctl.election.Endpoint;
import dev.lbctl.election.Forecast;
import dev.lbctl.election.NodeState;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Json;
import dev.lbctl.report.Progress;
import dev.lbctl.report.Table;
import dev.lbctl.services.ServiceInventory;
import dev.lbctl.services.ServiceManifests;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "simulate", description = {
    "Predict which IP MetalLB v0.16 assigns to each LoadBalancer Service, and why a Service would stay pending.",
    "With --nodes, also the node whose speaker would announce each Layer 2 Service (the release's election rules).",
    "Exit 0 when the prediction ran (1 with --expect-assigned and a pending Service), 3 on invalid pools or Services."})
public class PoolSimulateCommand implements Callable<Integer> {

    @Mixin
    PoolInputs inputs;

    @Option(names = "--services", paramLabel = "FILE", required = true,
            description = "Kubernetes Service YAML (multi-document or a List); Namespace documents give namespace labels.")
    Path services;

    @Option(names = "--nodes", paramLabel = "FILE",
            description = "Nodes (kubectl get nodes -o yaml, or the short form in the README): adds the node MetalLB's"
                    + " speaker would elect to announce each assigned Layer 2 Service, or - and why none would.")
    Path nodes;

    @Option(names = "--endpoints", paramLabel = "FILE",
            description = "Endpoints per Service for the election (with --nodes; default: a ready endpoint on every node).")
    Path endpoints;

    @Option(names = "--expect-assigned", description = "Exit 1 when any Service would stay pending (for CI checks).")
    boolean expectAssigned;

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Progress progress = GlobalOptions.progress(spec);
        PoolInputs.Loaded loaded = inputs.load(spec);
        MetalLbConfig config = loaded.config();
        MetalLbVersion version = loaded.version();
        List<Problem> errors = ConfigValidator.validate(config, version).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            errors.forEach(p -> progress.info(Messages.get("problem.error", p.describe())));
            throw new InvalidInputException(Messages.get("simulate.invalidPools", errors.size()));
        }
        if (version.below(0, 14, 9)) {
            progress.warn(Messages.get("simulate.oldVersion", version));
        }
        ServiceInventory inventory = ServiceManifests.read(services);
        List<Allocation> results = Simulation.run(config.pools(version), inventory.services(), inventory.namespaceLabels());
        List<Allocation> handled = results.stream().filter(a -> a.status() != Allocation.Status.SKIPPED).toList();
        results.stream().filter(a -> a.status() == Allocation.Status.SKIPPED)
                .forEach(a -> progress.info(Messages.get("simulate.skipped", a.key(), a.reason())));
        Map<String, Forecast.Announcement> announcements = forecast(config, version, results, inventory);
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json() ? json(handled, announcements) : table(handled, announcements));
        out.flush();
        boolean anyPending = handled.stream().anyMatch(a -> a.status() == Allocation.Status.PENDING);
        return expectAssigned && anyPending ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    private Map<String, Forecast.Announcement> forecast(MetalLbConfig config, MetalLbVersion version,
            List<Allocation> results, ServiceInventory inventory) {
        if (nodes == null) {
            if (endpoints != null) {
                throw new ParameterException(spec.commandLine(), Messages.get("simulate.endpointsWithoutNodes"));
            }
            return null;
        }
        List<NodeState> nodeStates = ElectionInputs.nodes(nodes);
        Optional<Map<String, List<Endpoint>>> eps = Optional.ofNullable(endpoints).map(ElectionInputs::endpoints);
        return Forecast.of(config, ElectionRules.of(version), results, inventory.services(), nodeStates, eps);
    }

    /** {@code announcements} is null without --nodes, so the output keeps its earlier shape. */
    static String json(List<Allocation> results, Map<String, Forecast.Announcement> announcements) {
        return Json.write(Map.of("services", results.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("namespace", a.namespace());
            m.put("name", a.name());
            m.put("status", a.status().label());
            m.put("ips", a.ips());
            m.put("pool", a.pool());
            m.put("reason", a.reason());
            m.put("deterministic", a.deterministic());
            if (announcements != null) {
                Forecast.Announcement n = announcements.get(a.key());
                m.put("node", n == null ? null : n.node().orElse(null));
                m.put("nodeReason", n == null || n.node().isPresent() ? null : n.reason());
            }
            return m;
        }).toList()));
    }

    static String table(List<Allocation> results, Map<String, Forecast.Announcement> announcements) {
        Table<Allocation> table = new Table<Allocation>()
                .column(Messages.get("column.namespace"), Allocation::namespace)
                .column(Messages.get("column.name"), Allocation::name)
                .column(Messages.get("column.ip"), a -> String.join(",", a.ips()))
                .column(Messages.get("column.pool"), Allocation::pool)
                .column(Messages.get("column.status"), a -> Messages.get("simulate.status." + a.status().label())
                        + (a.deterministic() ? "" : "*"))
                .column(Messages.get("column.reason"), Allocation::reason);
        if (announcements != null) {
            table.column(Messages.get("column.node"), a -> Optional.ofNullable(announcements.get(a.key()))
                    .map(n -> n.node().orElse(Messages.get("simulate.noNode", n.reason()))).orElse(""));
        }
        String rendered = table.render(results);
        boolean random = results.stream().anyMatch(a -> !a.deterministic());
        return rendered + (random ? "\n" + Messages.get("simulate.random") + "\n" : "");
    }
}
