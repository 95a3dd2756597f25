package dev.lbctl.cli;

import picocli.CommandLine.Command;

/** {@code lbctl config ...}: MetalLB's own configuration, as opposed to lbctl's address pools. */
// Its subcommands are in LbctlCommand.NESTED, so that a command line builds only the one it names.
@Command(name = "config", description = "Work with MetalLB configuration: convert the legacy ConfigMap to custom resources.")
public class ConfigCommand {
}
