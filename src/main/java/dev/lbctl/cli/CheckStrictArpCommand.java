package dev.lbctl.cli;

import dev.lbctl.i18n.Messages;
import dev.lbctl.kubeproxy.StrictArpResult;
import dev.lbctl.report.Json;
import dev.lbctl.report.Progress;
import dev.lbctl.strictarp.KubeProxyStrictArp;
import dev.lbctl.strictarp.StrictArpOutcome;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "check-strictarp", description = {
    "Check kube-proxy's ipvs.strictARP, which MetalLB Layer 2 needs in IPVS mode; --fix sets it and restarts kube-proxy.",
    "Exit 0 when nothing is needed (or the fix was applied), 1 when a change is needed."})
public class CheckStrictArpCommand implements Callable<Integer> {

    @Option(names = "--fix", description = "Set ipvs.strictARP: true (only that key changes), keep a backup, restart kube-proxy.")
    boolean fix;

    @Option(names = "--dry-run", description = "With --fix: show the change without applying it.")
    boolean dryRun;

    @Option(names = "--no-restart", description = "With --fix or --revert: do not restart the kube-proxy DaemonSet.")
    boolean noRestart;

    @Option(names = "--revert", description = "Undo lbctl's fix: only the strictARP line it changed (later edits stay), then restart kube-proxy.")
    boolean revert;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long to wait for the kube-proxy rollout (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (fix && revert) {
            throw new ParameterException(spec.commandLine(), Messages.get("strictarp.fixAndRevert"));
        }
        if (dryRun && !fix) {
            throw new ParameterException(spec.commandLine(), Messages.get("strictarp.dryRunWithoutFix"));
        }
        GlobalOptions global = GlobalOptions.of(spec);
        Progress progress = GlobalOptions.progress(spec);
        try (ClusterSession session = new ClusterSession(global)) {
            KubeProxyStrictArp kubeProxy = new KubeProxyStrictArp(session.cluster(), progress);
            StrictArpOutcome outcome;
            if (revert) {
                outcome = kubeProxy.revert(!noRestart, timeout);
            } else if (fix && !dryRun) {
                outcome = kubeProxy.fix(!noRestart, timeout);
            } else {
                outcome = kubeProxy.check();
                if (fix && outcome.check().status() == StrictArpResult.Status.NEEDS_CHANGE) {
                    outcome = new StrictArpOutcome(outcome.config(), outcome.check(), StrictArpOutcome.Action.WOULD_FIX,
                            false, outcome.warnings());
                }
            }
            outcome.warnings().forEach(progress::warn);
            PrintWriter out = spec.commandLine().getOut();
            out.print(output.json() ? Json.write(json(outcome)) : text(outcome));
            out.flush();
            boolean nothingChanged = outcome.action() == StrictArpOutcome.Action.NONE
                    || outcome.action() == StrictArpOutcome.Action.WOULD_FIX;
            return nothingChanged && outcome.check().status() == StrictArpResult.Status.NEEDS_CHANGE
                    ? ExitCode.CHECK_FAILED : ExitCode.OK;
        }
    }

    static Map<String, Object> json(StrictArpOutcome o) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("kubeProxyConfigMap", o.config().isPresent());
        doc.put("mode", o.config().map(c -> c.mode().configValue()).orElse(null));
        doc.put("strictARP", o.config().map(c -> c.strictArp().name().toLowerCase(Locale.ROOT)).orElse(null));
        doc.put("status", o.check().status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        doc.put("reason", o.check().reason());
        doc.put("diff", o.check().diff().orElse(null));
        doc.put("action", o.action().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        doc.put("restarted", o.restarted());
        doc.put("warnings", o.warnings());
        return doc;
    }

    static String text(StrictArpOutcome o) {
        StringBuilder sb = new StringBuilder();
        o.config().ifPresent(c -> sb.append(Messages.get("strictarp.mode", c.mode().configValue().isEmpty()
                ? Messages.get("strictarp.mode.default") : c.mode().configValue())).append('\n')
                .append(Messages.get("strictarp.value", c.strictArp().name().toLowerCase(Locale.ROOT))).append('\n'));
        switch (o.action()) {
            case FIXED -> sb.append(Messages.get(o.restarted() ? "strictarp.fixed.restarted" : "strictarp.fixed"))
                    .append('\n').append(o.check().diff().orElse(""));
            case REVERTED -> sb.append(Messages.get(o.restarted() ? "strictarp.reverted.restarted" : "strictarp.reverted"))
                    .append('\n');
            case WOULD_FIX -> sb.append(Messages.get("strictarp.dryRun")).append('\n').append(o.check().diff().orElse(""));
            case NONE -> {
                sb.append(Messages.get(switch (o.check().status()) {
                    case OK -> "strictarp.status.ok";
                    case NOT_NEEDED -> "strictarp.status.notNeeded";
                    case NEEDS_CHANGE -> "strictarp.status.needsChange";
                }, o.check().reason())).append('\n');
                o.check().diff().ifPresent(d -> sb.append(d).append(Messages.get("strictarp.fixHint")).append('\n'));
            }
        }
        return sb.toString();
    }
}
