package dev.lbctl.cli;

import dev.lbctl.config.ConfigFiles;
import dev.lbctl.config.MetalLbConfig;
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

    boolean versionGiven(picocli.CommandLine.Model.CommandSpec spec) {
        return spec.commandLine().getParseResult().hasMatchedOption("--metallb-version");
    }

    MetalLbVersion version() {
        try {
            return MetalLbVersion.parse(metallbVersion);
        } catch (InvalidAddressException e) {
            throw new InvalidInputException(e.getMessage());
        }
    }

    boolean isEmpty() {
        return poolOptions.isEmpty() && poolArguments.isEmpty() && files.isEmpty();
    }

    /** Reads every source into one configuration; command-line pools are named default, default-2, ... unless named. */
    MetalLbConfig read(MetalLbVersion version) {
        List<AddressPool> cliPools = new ArrayList<>();
        List<String> all = new ArrayList<>(poolOptions);
        all.addAll(poolArguments);
        for (String argument : all) {
            String defaultName = cliPools.isEmpty() ? "default" : "default-" + (cliPools.size() + 1);
            try {
                cliPools.add(PoolArgument.parse(argument, defaultName, version));
            } catch (InvalidAddressException e) {
                throw new InvalidInputException(e.getMessage());
            }
        }
        MetalLbConfig fromFiles = files.isEmpty() ? null : ConfigFiles.read(files);
        if (fromFiles == null) {
            return MetalLbConfig.ofPools(cliPools);
        }
        return cliPools.isEmpty() ? fromFiles : fromFiles.withPools(cliPools);
    }
}
