package dev.lbctl.cli;

import picocli.CommandLine.Command;

/** {@code lbctl pool ...}: offline commands over address pools; none of them builds a Kubernetes client. */
// Its subcommands are in LbctlCommand.NESTED, so that a command line builds only the one it names.
@Command(name = "pool", description = "Check address pools and predict MetalLB's assignments, offline.")
public class PoolCommand {
}
