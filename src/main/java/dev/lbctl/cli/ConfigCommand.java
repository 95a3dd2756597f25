package dev.lbctl.cli;

import picocli.CommandLine.Command;

/** {@code lbctl config ...}: MetalLB's own configuration, as opposed to lbctl's address pools. */
@Command(name = "config", description = "Work with MetalLB configuration: convert the legacy ConfigMap to custom resources.",
        subcommands = {ConfigMigrateCommand.class})
public class ConfigCommand {
}
