package dev.lbctl.it.differential;

import static dev.lbctl.cli.CliRun.lbctl;

import dev.lbctl.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs {@code lbctl pool simulate -f pools.yaml --services services.yaml -o json} in-process, on files written to one
 * seed's directory, exactly as a user would: the pools file holds the seed's IPAddressPools (and any other pools the
 * cluster has) and its L2Advertisement; each Services file holds the Namespaces with their labels, then the Services.
 */
public final class SimulatorRun {

    /** One Service of the simulator's JSON output. */
    public record Result(String status, List<String> ips, String pool, String reason, boolean deterministic) {

        public boolean assigned() {
            return status.equals("assigned");
        }

        @Override
        public String toString() {
            return status + (ips.isEmpty() ? "" : " " + ips) + (pool == null ? "" : " from " + pool)
                    + (reason == null ? "" : " (" + reason + ")") + (deterministic ? "" : " [random pool pick]");
        }
    }

    /** The simulator's answer for every Service it handled, and the Services it reported as skipped. */
    public record Outcome(Map<String, Result> byService, String stderr) {

        public boolean skipped(String key) {
            return stderr.contains("skipped " + key + ":");
        }
    }

    private final Path dir;
    private final Path pools;
    private final List<Map<String, Object>> leading;
    private int runs;

    /**
     * @param leading documents put before the Services in every Services file: the Namespaces, then Services of
     *                others that hold IPs in the cluster (so the simulator starts from the cluster's state)
     */
    public SimulatorRun(Path dir, List<Map<String, Object>> poolDocuments, List<Map<String, Object>> leading) {
        this.dir = dir;
        this.leading = List.copyOf(leading);
        this.pools = dir.resolve("pools.yaml");
        write(pools, poolDocuments);
    }

    public static String yaml(List<Map<String, Object>> documents) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setExplicitStart(false);
        return new Yaml(options).dumpAll(documents.iterator());
    }

    private static void write(Path file, List<Map<String, Object>> documents) {
        try {
            Files.writeString(file, yaml(documents));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Simulates {@code services} (in file order) and returns the outcome; fails when lbctl does not exit 0. */
    @SuppressWarnings("unchecked")
    public Outcome simulate(String tag, List<Map<String, Object>> services) {
        runs++;
        Path file = dir.resolve("services-" + tag + ".yaml");
        List<Map<String, Object>> documents = new ArrayList<>(leading);
        documents.addAll(services);
        write(file, documents);
        CliRun run = lbctl("pool", "simulate", "-f", pools.toString(), "--services", file.toString(), "-o", "json");
        if (run.exitCode() != 0) {
            throw new AssertionError("lbctl pool simulate failed:\n" + run);
        }
        try {
            Files.writeString(dir.resolve("simulated-" + tag + ".json"), run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> json = new Yaml().load(run.out());
        Map<String, Result> out = new LinkedHashMap<>();
        for (Object item : (List<Object>) json.get("services")) {
            Map<String, Object> s = (Map<String, Object>) item;
            out.put(s.get("namespace") + "/" + s.get("name"), new Result((String) s.get("status"),
                    List.copyOf((List<String>) s.get("ips")), (String) s.get("pool"), (String) s.get("reason"),
                    (Boolean) s.get("deterministic")));
        }
        return new Outcome(out, run.err());
    }

    public int runs() {
        return runs;
    }
}
