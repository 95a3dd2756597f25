package dev.lbctl.cli;

import dev.lbctl.allocator.Allocation;
import dev.lbctl.allocator.Simulation;
import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.Problem;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "simulate", description = {
    "Predict which IP MetalLB v0.16 assigns to each LoadBalancer Service, and why a Service would stay pending.",
    "Exit 0 when the prediction ran (1 with --expect-assigned and a pending Service), 3 on invalid pools or Services."})
public class PoolSimulateCommand implements Callable<Integer> {

    @Mixin
    PoolInputs inputs;

    @Option(names = "--services", paramLabel = "FILE", required = true,
            description = "Kubernetes Service YAML (multi-document or a List); Namespace documents give namespace labels.")
    Path services;

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
            errors.forEach(p -> progress.info("error: " + p.message()));
            throw new InvalidInputException("the pools are invalid (" + errors.size() + (errors.size() == 1 ? " error" : " errors")
                    + "), so there is nothing to simulate; see 'lbctl pool validate'");
        }
        if (version.below(0, 14, 9)) {
            progress.warn("the simulator follows MetalLB v0.16's allocator; " + version
                    + " differs in dual-stack handling and some messages");
        }
        ServiceInventory inventory = ServiceManifests.read(services);
        List<Allocation> results = Simulation.run(config.pools(version), inventory.services(), inventory.namespaceLabels());
        List<Allocation> handled = results.stream().filter(a -> a.status() != Allocation.Status.SKIPPED).toList();
        results.stream().filter(a -> a.status() == Allocation.Status.SKIPPED)
                .forEach(a -> progress.info("skipped " + a.key() + ": " + a.reason()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(output.json() ? json(handled) : table(handled));
        out.flush();
        boolean anyPending = handled.stream().anyMatch(a -> a.status() == Allocation.Status.PENDING);
        return expectAssigned && anyPending ? ExitCode.CHECK_FAILED : ExitCode.OK;
    }

    static String json(List<Allocation> results) {
        return Json.write(Map.of("services", results.stream().map(a -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("namespace", a.namespace());
            m.put("name", a.name());
            m.put("status", a.status().label());
            m.put("ips", a.ips());
            m.put("pool", a.pool());
            m.put("reason", a.reason());
            m.put("deterministic", a.deterministic());
            return m;
        }).toList()));
    }

    static String table(List<Allocation> results) {
        String rendered = new Table<Allocation>()
                .column("namespace", Allocation::namespace)
                .column("name", Allocation::name)
                .column("ip", a -> String.join(",", a.ips()))
                .column("pool", Allocation::pool)
                .column("status", a -> a.status().label() + (a.deterministic() ? "" : "*"))
                .column("reason", Allocation::reason)
                .render(results);
        boolean random = results.stream().anyMatch(a -> !a.deterministic());
        return rendered + (random ? "\n* MetalLB chooses among several pools at random here; the simulator took them in"
                + " definition order, so the IP and pool may differ.\n" : "");
    }
}
