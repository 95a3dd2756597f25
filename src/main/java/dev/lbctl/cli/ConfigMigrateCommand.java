package dev.lbctl.cli;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.input.YamlDocuments;
import dev.lbctl.migrate.ClusterLegacyConfig;
import dev.lbctl.migrate.ConfigMigration;
import dev.lbctl.migrate.NothingToMigrateException;
import dev.lbctl.report.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "migrate", description = {
    "Convert a legacy MetalLB configuration (the ConfigMap of v0.9 to v0.12) to the",
    "custom resources of v0.13 and later, as MetalLB's configmaptocrs does, and",
    "print them for 'kubectl apply -f -'. Without -f, read the ConfigMap from the",
    "cluster: namespace metallb-system, name from the controller's --config flag.",
    "Exit 0 when converted, 1 when the cluster has no legacy ConfigMap, 3 when the",
    "input cannot be converted (findings on stderr)."})
public class ConfigMigrateCommand implements Callable<Integer> {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "The legacy configuration: the ConfigMap manifest or its 'config' text ('-' for standard input).")
    Path file;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "yaml",
            description = "yaml (documents) or json (a v1 List) (default: ${DEFAULT-VALUE}).")
    ResourceFormat output;

    /** Migrate prints resources, so only the formats resources are written in. */
    enum ResourceFormat { yaml, json }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GlobalOptions global = GlobalOptions.of(spec);
        Progress progress = GlobalOptions.progress(spec);
        ConfigMigration.Format format = output == ResourceFormat.json ? ConfigMigration.Format.JSON : ConfigMigration.Format.YAML;
        String text;
        if (file != null) {
            String source = isStdin() ? "standard input" : file.toString();
            MetalLbConfig config = ConfigFiles.read(YamlDocuments.readText(file), source);
            text = ConfigMigration.run(config, source, format, progress);
        } else {
            try (ClusterSession session = new ClusterSession(global)) {
                ClusterLegacyConfig.LegacyText legacy = ClusterLegacyConfig.read(session.cluster(), progress);
                MetalLbConfig config = ConfigFiles.read(legacy.text(), legacy.source());
                text = ConfigMigration.run(config, legacy.source(), format, progress);
            } catch (NothingToMigrateException e) {
                throw new LbctlFailure(ExitCode.CHECK_FAILED, e.getMessage(), e);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
        return ExitCode.OK;
    }

    private boolean isStdin() {
        return file.toString().equals("-");
    }
}
