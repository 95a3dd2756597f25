package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.representer.Representer;

/**
 * lbctl's pools in the legacy configuration of v0.9 to v0.12 (ConfigMap {@code config}, key {@code config}), which
 * may also hold pools and BGP peers that others wrote. lbctl records the pools it owns in the ConfigMap annotation
 * {@value #MANAGED_POOLS_ANNOTATION} and only ever replaces or removes those. The text is re-written (by a YAML dump,
 * which drops its comments) only when the pools actually change.
 */
public final class LegacyPoolConfig {

    public static final String CONFIG_MAP_NAME = "config";
    public static final String DATA_KEY = "config";
    /** Comma-separated names of the pools lbctl wrote, e.g. "lan,dmz". */
    public static final String MANAGED_POOLS_ANNOTATION = "lbctl.dev/managed-pools";

    private static final String SOURCE = "ConfigMap " + MetalLbRelease.NAMESPACE + "/" + CONFIG_MAP_NAME;
    private static final String POOLS = "address-pools";

    /**
     * The new config text and the pools lbctl now manages; {@code changed} tells whether the ConfigMap (data or
     * annotation) must be written.
     */
    public record Update(String configText, Set<String> managedPools, boolean changed) {
        public Update {
            managedPools = Set.copyOf(managedPools);
        }

        public String managedPoolsAnnotation() {
            return String.join(",", new TreeSet<>(managedPools));
        }
    }

    private LegacyPoolConfig() {
    }

    /** Reads the annotation value; absent or blank means lbctl manages no pool. */
    public static Set<String> managedPools(Optional<String> annotation) {
        return annotation.stream()
                .flatMap(value -> Arrays.stream(value.split(",")))
                .map(String::trim)
                .filter(name -> !name.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * Makes lbctl's pools exactly {@code pools}: a pool lbctl manages is replaced in place or, when no longer wanted,
     * removed; new pools are appended; every other pool and key is kept.
     *
     * @param existingConfig the ConfigMap's {@code config} text, empty when there is no ConfigMap yet
     * @throws InvalidInputException when one of {@code pools} has the name of a pool lbctl does not manage
     */
    public static Update merge(Optional<String> existingConfig, Set<String> managedPools, List<PoolSpec> pools) {
        String original = existingConfig.orElse("");
        Map<String, Object> config = parse(original);
        Map<String, Map<String, Object>> wanted = rendered(pools);
        List<Object> before = poolsOf(config);
        List<Object> after = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        for (Object pool : before) {
            String name = pool instanceof Map<?, ?> map && map.get("name") instanceof String s ? s : null;
            if (name != null && wanted.containsKey(name)) {
                if (!managedPools.contains(name)) {
                    throw new InvalidInputException(Messages.get("legacyPools.foreignPool", SOURCE, name));
                }
                after.add(wanted.get(name));
                placed.add(name);
            } else if (name == null || !managedPools.contains(name)) {
                after.add(pool);
            }
        }
        wanted.forEach((name, pool) -> {
            if (!placed.contains(name)) {
                after.add(pool);
            }
        });
        boolean poolsChanged = !after.equals(before);
        String text = poolsChanged ? dump(withPools(config, after)) : original;
        return new Update(text, wanted.keySet(), poolsChanged || !wanted.keySet().equals(managedPools));
    }

    /** For uninstall: removes the pools lbctl manages and keeps everything else. */
    public static Update withoutManagedPools(Optional<String> existingConfig, Set<String> managedPools) {
        return merge(existingConfig, managedPools, List.of());
    }

    /** Whether two config texts mean the same configuration (comments and layout aside). */
    public static boolean sameConfiguration(String a, String b) {
        return parse(a).equals(parse(b));
    }

    /** Whether the text configures anything at all (an empty text or mapping configures nothing). */
    public static boolean configuresAnything(String text) {
        return !parse(text).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) {
        List<Object> docs = YamlDocuments.parse(text, SOURCE);
        if (docs.isEmpty()) {
            return new LinkedHashMap<>();
        }
        if (docs.size() > 1 || !(docs.get(0) instanceof Map<?, ?>)) {
            throw new InvalidInputException(Messages.get("legacyPools.notAMapping", SOURCE, DATA_KEY));
        }
        return (Map<String, Object>) docs.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> poolsOf(Map<String, Object> config) {
        Object pools = config.get(POOLS);
        if (pools == null) {
            return List.of();
        }
        if (!(pools instanceof List<?>)) {
            throw new InvalidInputException(Messages.get("legacyPools.notAList", SOURCE, POOLS));
        }
        return (List<Object>) pools;
    }

    private static Map<String, Object> withPools(Map<String, Object> config, List<Object> pools) {
        Map<String, Object> copy = new LinkedHashMap<>(config);
        if (pools.isEmpty()) {
            copy.remove(POOLS);
        } else {
            copy.put(POOLS, pools);
        }
        return copy;
    }

    /** The legacy pool format, with both optional fields written out so that the config says what it means. */
    private static Map<String, Map<String, Object>> rendered(List<PoolSpec> pools) {
        Map<String, Map<String, Object>> rendered = new LinkedHashMap<>();
        for (PoolSpec pool : pools) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", pool.name());
            entry.put("protocol", "layer2");
            entry.put("addresses", pool.addresses());
            entry.put("auto-assign", pool.autoAssign());
            entry.put("avoid-buggy-ips", pool.avoidBuggyIps());
            if (rendered.put(pool.name(), entry) != null) {
                throw new InvalidInputException(Messages.get("legacyPools.twice", pool.name()));
            }
        }
        return rendered;
    }

    private static String dump(Map<String, Object> config) {
        if (config.isEmpty()) {
            return "";
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setSplitLines(false);
        return new Yaml(new Representer(options), options).dump(config);
    }
}
