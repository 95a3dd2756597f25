package dev.lbctl.cli;

import dev.lbctl.i18n.Messages;
import dev.lbctl.install.UninstallPlan;
import dev.lbctl.install.Uninstaller;
import dev.lbctl.report.Json;
import dev.lbctl.report.Progress;
import dev.lbctl.strictarp.KubeProxyStrictArp;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "uninstall", description = {
    "Remove what lbctl created, as its inventory (ConfigMap metallb-system/lbctl-inventory) lists it; needs no manifests.",
    "Objects lbctl did not create are never deleted: a namespace or CRD that still holds some is kept and listed.",
    "kube-proxy is left alone unless --revert-strictarp."})
public class UninstallCommand implements Callable<Integer> {

    @Option(names = "--yes", description = "Do not ask for confirmation (required when stdin is not a terminal).")
    boolean yes;

    @Option(names = "--dry-run", description = "Print what would be deleted and what kept; delete nothing.")
    boolean dryRun;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long to wait for the namespace to be deleted (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--revert-strictarp", description = "Also revert lbctl's strictARP change in kube-proxy and restart it.")
    boolean revertStrictArp;

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        Progress progress = GlobalOptions.progress(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (ClusterSession session = new ClusterSession(global)) {
            Uninstaller uninstaller = new Uninstaller(session.cluster(), progress);
            UninstallPlan plan = uninstaller.plan();
            if (dryRun) {
                out.print(output.json() ? Json.write(json(plan.release().orElse(null), names(plan), plan.kept(), plan.metallbKept(), true))
                        : planText(plan));
                out.flush();
                return ExitCode.OK;
            }
            if (!yes && !plan.ownsNothing()) {
                confirm(session.cluster().serverUrl(), plan);
            }
            Uninstaller.Result result = uninstaller.execute(plan, timeout);
            if (revertStrictArp) {
                new KubeProxyStrictArp(session.cluster(), progress).revert(true, timeout);
            }
            if (output.json()) {
                out.print(Json.write(json(result.release().orElse(null), result.removed(), result.kept(), result.metallbKept(), false)));
            } else if (plan.ownsNothing()) {
                out.println(Messages.get("uninstall.nothing"));
            } else {
                String what = result.release().map(r -> Messages.get("uninstall.done.release", r))
                        .orElse(Messages.get("uninstall.done.pools"));
                String done = result.kept().isEmpty()
                        ? Messages.get("uninstall.done", what, result.removed().size())
                        : Messages.get("uninstall.done.kept", what, result.removed().size(), result.kept().size());
                out.println(result.metallbKept() ? Messages.get("uninstall.done.metallbKept", done) : done);
                result.kept().forEach(k -> out.println(Messages.get("uninstall.kept", k.object().describe(), k.why().shown(), k.command())));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private static List<String> names(UninstallPlan plan) {
        List<String> names = new java.util.ArrayList<>();
        plan.legacyConfig().ifPresent(e -> names.add(Messages.get("uninstall.legacyPools", e.namespace() + "/" + e.name())));
        plan.deletions().stream().map(d -> d.object().describe())
                .filter(n -> !n.equals(new dev.lbctl.inventory.ApplySet(dev.lbctl.metallb.MetalLbRelease.NAMESPACE).parent().describe())).forEach(names::add);
        return names;
    }

    private static Map<String, Object> json(String release, List<String> removed, List<UninstallPlan.Kept> kept,
                                            boolean metallbKept, boolean dryRun) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("release", release);
        doc.put(dryRun ? "wouldRemove" : "removed", removed);
        doc.put("kept", kept.stream().map(k -> Map.of("object", k.object().describe(), "reason", k.reason(),
                "command", k.command())).toList());
        doc.put("metallbKept", metallbKept);
        return doc;
    }

    private static String planText(UninstallPlan plan) {
        if (plan.ownsNothing()) {
            return Messages.get("uninstall.plan.nothing") + "\n";
        }
        StringBuilder sb = new StringBuilder(Messages.get("uninstall.plan.delete")).append('\n');
        names(plan).forEach(n -> sb.append("  ").append(n).append('\n'));
        if (!plan.kept().isEmpty()) {
            sb.append(Messages.get("uninstall.plan.keep")).append('\n');
            plan.kept().forEach(k -> sb.append(Messages.get("uninstall.plan.kept", k.object().describe(), k.why().shown(), k.command()))
                    .append('\n'));
        }
        if (plan.metallbKept()) {
            sb.append(Messages.get("uninstall.metallbKept")).append('\n');
        }
        return sb.toString();
    }

    private void confirm(String server, UninstallPlan plan) {
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(), Messages.get("uninstall.notATerminal"));
        }
        String answer = console.readLine("%s", Messages.get("uninstall.confirm",
                plan.release().map(r -> Messages.get("uninstall.confirm.release", r)).orElse(Messages.get("uninstall.confirm.pools")),
                server, plan.deletions().size()));
        if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
            throw new LbctlFailure(ExitCode.CHECK_FAILED, Messages.get("uninstall.cancelled"));
        }
    }
}
