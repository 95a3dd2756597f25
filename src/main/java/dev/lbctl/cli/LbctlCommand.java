package dev.lbctl.cli;

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
        },
        subcommands = {
            PoolCommand.class,
            CheckStrictArpCommand.class,
            ConfigCommand.class,
            StatusCommand.class,
            InstallCommand.class,
            UninstallCommand.class,
            VerifyCommand.class,
            CompletionCommand.class,
        })
public class LbctlCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing command: choose one of " + spec.subcommands().keySet());
    }
}
