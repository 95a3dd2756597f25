package dev.lbctl.cli;

import dev.lbctl.config.ConfigValidator;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.config.Problem;
import dev.lbctl.i18n.Messages;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.MetalLbVersion;
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
import picocli.CommandLine.Spec;

@Command(name = "validate", description = {
    "Validate address pools the way MetalLB does, and warn about what MetalLB does not check.",
    "Exit 0 when there is no error (warnings allowed), 3 otherwise."})
public class PoolValidateCommand implements Callable<Integer> {

    @Mixin
    PoolInputs inputs;

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PoolInputs.Loaded loaded = inputs.load(spec);
        MetalLbConfig config = loaded.config();
        MetalLbVersion version = loaded.version();
        List<Problem> problems = ConfigValidator.validate(config, version);
        boolean valid = problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR);
        PrintWriter out = spec.commandLine().getOut();
        List<AddressPool> pools = config.pools(version);
        out.print(output.json() ? json(pools, problems, valid) : table(pools, problems, valid, version));
        out.flush();
        return valid ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }

    static String json(List<AddressPool> pools, List<Problem> problems, boolean valid) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("valid", valid);
        doc.put("pools", pools.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("addresses", p.addresses());
            m.put("size", p.size().toString());
            return m;
        }).toList());
        doc.put("problems", problems.stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("severity", p.severity().name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", p.message());
            return m;
        }).toList());
        return Json.write(doc);
    }

    static String table(List<AddressPool> pools, List<Problem> problems, boolean valid, MetalLbVersion version) {
        StringBuilder sb = new StringBuilder();
        if (!pools.isEmpty()) {
            sb.append(new Table<AddressPool>()
                    .column(Messages.get("pool.column.name"), AddressPool::name)
                    .column(Messages.get("pool.column.addresses"), p -> String.join(", ", p.addresses()))
                    .column(Messages.get("pool.column.size"), p -> p.size().toString())
                    .column(Messages.get("pool.column.autoAssign"), p -> Boolean.toString(p.autoAssign()))
                    .render(pools));
            sb.append('\n');
        }
        for (Problem p : problems) {
            sb.append(Messages.get("problem." + p.severity().name().toLowerCase(java.util.Locale.ROOT), p.message())).append('\n');
        }
        long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
        long warnings = problems.size() - errors;
        sb.append(Messages.get(valid ? "validate.valid" : "validate.invalid", version, errors, warnings)).append('\n');
        return sb.toString();
    }
}
