package dev.lbctl.cli;

import dev.lbctl.install.Uninstaller;
import dev.lbctl.metallb.ManifestCache;
import dev.lbctl.metallb.ManifestSource;
import dev.lbctl.report.Json;
import dev.lbctl.report.Progress;
import dev.lbctl.strictarp.KubeProxyStrictArp;
import java.io.Console;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "uninstall", description = {
    "Remove what 'lbctl install' created: lbctl's pools first, then MetalLB's objects and namespace.",
    "kube-proxy is left alone unless --revert-strictarp."})
public class UninstallCommand implements Callable<Integer> {

    @Option(names = "--yes", description = "Do not ask for confirmation (required when stdin is not a terminal).")
    boolean yes;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "3m", converter = DurationConverter.class,
            description = "How long to wait for the namespace to be deleted (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--revert-strictarp", description = "Also restore kube-proxy's config.conf from lbctl's backup and restart it.")
    boolean revertStrictArp;

    @Option(names = "--manifests", paramLabel = "DIR|URL",
            description = "Where the installed release's manifests come from, as for install (they name what to delete).")
    String manifests;

    @Mixin
    TableOrJsonOption output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        Progress progress = GlobalOptions.progress(spec);
        try (ClusterSession session = new ClusterSession(global)) {
            Uninstaller uninstaller = new Uninstaller(session.cluster(), progress);
            if (!yes) {
                confirm(session.cluster().serverUrl(), uninstaller.installedRelease().map(r -> r.tag()));
            }
            Uninstaller.Result result = uninstaller.uninstall(
                    ManifestSource.forOption(Optional.ofNullable(manifests), ManifestCache.inUserHome()), timeout);
            if (revertStrictArp) {
                new KubeProxyStrictArp(session.cluster(), progress).revert(true, timeout);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (output.json()) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("release", result.release().orElse(null));
                doc.put("removed", result.removed());
                doc.put("metallbKept", result.metallbKept());
                out.print(Json.write(doc));
            } else if (result.removed().isEmpty() && result.release().isEmpty()) {
                out.println("Nothing to uninstall: lbctl installed no MetalLB here and no pool of lbctl's was found.");
            } else {
                out.println(result.release().map(r -> "MetalLB " + r + " was uninstalled").orElse("lbctl's pools were removed")
                        + " (" + result.removed().size() + " objects removed).");
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private void confirm(String server, Optional<String> release) {
        Console console = System.console();
        if (console == null) {
            throw new ParameterException(spec.commandLine(), "refusing to uninstall without --yes when not on a terminal");
        }
        String answer = console.readLine("Remove %s and lbctl's pools from %s? [y/N] ",
                release.map(r -> "MetalLB " + r).orElse("(no MetalLB installed by lbctl)"), server);
        if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
            throw new LbctlFailure(ExitCode.CHECK_FAILED, "uninstall cancelled; nothing was changed");
        }
    }
}
