package dev.lbctl.cli;

import dev.lbctl.i18n.Messages;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The root command: global options, the exit-code list, and the subcommands. */
@Command(
        name = "lbctl",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Install and verify MetalLB (Layer 2) on on-premises Kubernetes,",
            "and check address pools offline before anything touches a cluster.",
        })
public class LbctlCommand implements Runnable {

    /**
     * The subcommands, in help order. Listed here rather than in {@code @Command(subcommands)} so that
     * {@link CommandLineFactory} can build only the one a command line names (each model costs a short command time).
     * The build reads them too, to write every command's model as code (CommandModel).
     */
    static final List<Class<?>> SUBCOMMANDS = List.of(
            PoolCommand.class,
            CheckStrictArpCommand.class,
            ConfigCommand.class,
            StatusCommand.class,
            DoctorCommand.class,
            InstallCommand.class,
            UninstallCommand.class,
            VerifyCommand.class,
            CompletionCommand.class);

    /** The subcommands of subcommands, in help order; not in their {@code @Command(subcommands)} for the same reason. */
    static final Map<Class<?>, List<Class<?>>> NESTED = Map.of(
            PoolCommand.class, List.of(PoolValidateCommand.class, PoolSimulateCommand.class),
            ConfigCommand.class, List.of(ConfigMigrateCommand.class));

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), Messages.get("error.missingCommand", spec.subcommands().keySet()));
    }
}
