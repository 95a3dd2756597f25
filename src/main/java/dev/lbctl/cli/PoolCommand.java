package dev.lbctl.cli;

import picocli.CommandLine.Command;

/** {@code lbctl pool ...}: offline commands over address pools; none of them builds a Kubernetes client. */
@Command(name = "pool", description = "Check address pools and predict MetalLB's assignments, offline.",
        subcommands = {PoolValidateCommand.class, PoolSimulateCommand.class})
public class PoolCommand {
}
