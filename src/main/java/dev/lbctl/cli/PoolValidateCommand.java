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

    private static final String COMPONENT_CONTROLLER = "metallb-controller";

    @Override
    public Integer call() {
        PoolInputs.Loaded loaded = inputs.load(spec);
        MetalLbConfig config = loaded.config();
        MetalLbVersion version = loaded.version();
        List<Problem> problems = ConfigValidator.validate(config, version);
        boolean valid = problems.stream().noneMatch(Problem::isError);
        PrintWriter out = spec.commandLine().getOut();
        List<AddressPool> pools = config.pools(version);
        out.print(output.json() ? json(pools, problems, ConfigValidator.verdicts(config, version, problems), valid)
                : table(pools, problems, valid, version));
        out.flush();
        return valid ? ExitCode.OK : ExitCode.INVALID_INPUT;
    }

    static String json(List<AddressPool> pools, List<Problem> problems, ConfigValidator.Verdicts verdicts, boolean valid) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("valid", valid);
        // What MetalLB itself would do: lbctl also refuses what MetalLB accepts but cannot mean what was written.
        doc.put("metallbAccepts", problems.stream().noneMatch(Problem::refusedByMetalLb));
        Map<String, Object> components = new LinkedHashMap<>();
        components.put(COMPONENT_CONTROLLER, verdicts.controller());
        components.put(Problem.Source.SPEAKER_NATIVE.jsonName(), verdicts.speakerNative());
        components.put(Problem.Source.SPEAKER_FRR.jsonName(), verdicts.speakerFrr());
        doc.put("metallbComponents", components);
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
            m.put("source", p.source().jsonName());
            m.put("code", p.code());
            // English in every language, so that the JSON is the same bytes whatever the locale; scripts match on code.
            m.put("message", p.message());
            if (p.hint() != null) {
                m.put("hint", p.hint());
            }
            if (p.object() != null) {
                m.put("object", p.object());
            }
            if (p.origin() != null && p.origin().file() != null) {
                m.put("file", p.origin().file());
                if (p.origin().line() > 0) {
                    m.put("line", p.origin().line());
                }
            }
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
            if (p.isError() && p.refusedByMetalLb() && !p.refusedByController()) {
                sb.append(Messages.get("problem.speakerOnlyError", p.source().jsonName(), p.describe())).append('\n');
                continue;
            }
            String key = p.isError() && !p.refusedByMetalLb() ? "problem.lbctlOnlyError"
                    : "problem." + p.severity().name().toLowerCase(java.util.Locale.ROOT);
            sb.append(Messages.get(key, p.describe())).append('\n');
        }
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        boolean metallbAccepts = problems.stream().noneMatch(Problem::refusedByMetalLb);
        sb.append(Messages.get(valid ? "validate.valid" : "validate.invalid", version, errors, warnings))
                .append(!valid && metallbAccepts ? Messages.get("validate.metallbWouldAccept") : "").append('\n');
        return sb.toString();
    }
}
