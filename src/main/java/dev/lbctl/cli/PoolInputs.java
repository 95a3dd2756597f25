package dev.lbctl.cli;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.MetalLbConfig;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.pool.PoolArgument;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Where pools come from: {@code --pool} values, positional pools, and MetalLB config files. */
public class PoolInputs {

    @Option(names = "--pool", paramLabel = "POOL",
            description = "A pool: [NAME=]CIDR, range a-b, shorthand 192.168.100.240-250, or a single IP; "
                    + "comma-separate several address blocks of one pool. Repeatable.")
    List<String> poolOptions = new ArrayList<>();

    @Parameters(paramLabel = "POOL", arity = "0..*", description = "Pools, as for --pool.")
    List<String> poolArguments = new ArrayList<>();

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "A MetalLB configuration: the legacy ConfigMap (or its 'config' text) or CRD documents. Repeatable.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--metallb-version", paramLabel = "VERSION", defaultValue = "v0.16.1",
            description = "The MetalLB release whose rules apply (default: ${DEFAULT-VALUE}; legacy ConfigMap files imply v0.12.1 unless given).")
    String metallbVersion;

    /** The pools to check and the release whose rules apply to them. */
    record Loaded(MetalLbConfig config, MetalLbVersion version) {
    }

    /**
     * Reads every source; a usage error when none was given. A legacy ConfigMap is only read by v0.9 to v0.12, so its
     * rules are v0.12.1's unless the user named a release.
     */
    Loaded load(picocli.CommandLine.Model.CommandSpec spec) {
        if (isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    Messages.get("pool.noInput"));
        }
        MetalLbConfig config = read(version());
        boolean versionGiven = spec.commandLine().getParseResult().hasMatchedOption("--metallb-version");
        return new Loaded(config, versionGiven ? version() : config.impliedVersion());
    }

    private MetalLbVersion version() {
        try {
            return MetalLbVersion.parse(metallbVersion);
        } catch (InvalidAddressException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    private boolean isEmpty() {
        return poolOptions.isEmpty() && poolArguments.isEmpty() && files.isEmpty();
    }

    /** Reads every source into one configuration. */
    private MetalLbConfig read(MetalLbVersion version) {
        List<String> all = new ArrayList<>(poolOptions);
        all.addAll(poolArguments);
        MetalLbConfig cliPools = commandLinePools(all, version);
        if (files.isEmpty()) {
            return cliPools;
        }
        MetalLbConfig fromFiles = ConfigFiles.read(files);
        return all.isEmpty() ? fromFiles : fromFiles.withPools(cliPools.pools(version));
    }

    /** Pools typed on the command line; they are named default, default-2, ... unless the argument names them. */
    static MetalLbConfig commandLinePools(List<String> arguments, MetalLbVersion version) {
        List<AddressPool> pools = new ArrayList<>();
        for (String argument : arguments) {
            String defaultName = pools.isEmpty() ? "default" : "default-" + (pools.size() + 1);
            try {
                pools.add(PoolArgument.parse(argument, defaultName, version));
            } catch (InvalidAddressException e) {
                throw new InvalidInputException(e.getMessage());
            }
        }
        return MetalLbConfig.ofPools(pools);
    }
}
