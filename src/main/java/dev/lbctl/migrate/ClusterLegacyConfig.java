package dev.lbctl.migrate;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ClusterAccessException;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.i18n.Messages;
import dev.lbctl.report.Progress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and reads the legacy MetalLB configuration in a cluster. MetalLB v0.9 to v0.12 read the ConfigMap that their
 * {@code --config} flag names (default {@code config}; the Helm chart passes {@code --config=metallb}, its full name),
 * in the namespace they run in; the controller Deployment's arguments therefore name it.
 */
public final class ClusterLegacyConfig {

    public static final String NAMESPACE = "metallb-system";
    /** The default of MetalLB's {@code --config} flag, and the name in the upstream manifests. */
    public static final String DEFAULT_CONFIGMAP = "config";
    public static final String CONFIG_KEY = "config";

    /** Go's flag package takes {@code -config} and {@code --config}, with {@code =VALUE} or VALUE as the next argument. */
    private static final Pattern FLAG = Pattern.compile("--?config(?:=(.*))?");

    /**
     * Where the ConfigMap's name came from.
     *
     * @param deployment the Deployment whose {@code --config} names it, or null for the default
     */
    public record ConfigMapName(String name, String deployment) {
        public String describe() {
            return NAMESPACE + "/" + name;
        }
    }

    /** The ConfigMap's text, and how messages name it. */
    public record LegacyText(String source, String text) {
    }

    private ClusterLegacyConfig() {
    }

    /**
     * Reads the configuration text.
     *
     * @throws NothingToMigrateException when the ConfigMap or its {@code config} key does not exist
     */
    public static LegacyText read(Cluster cluster, Progress progress) {
        ConfigMapName name = progress.step(Messages.get("migrate.step.find", NAMESPACE),
                () -> locate(cluster, progress::warn));
        String cm = "ConfigMap " + name.describe();
        String namedBy = name.deployment() == null ? "" : Messages.get("migrate.namedBy", NAMESPACE + "/" + name.deployment());
        Optional<ConfigMapSnapshot> snapshot = progress.step(Messages.get("migrate.step.read", cm), () -> cluster.configMap(NAMESPACE, name.name()));
        if (snapshot.isEmpty()) {
            throw new NothingToMigrateException(Messages.get("migrate.noConfigMap", cm, namedBy));
        }
        String text = snapshot.get().data().get(CONFIG_KEY);
        if (text == null || text.isBlank()) {
            throw new NothingToMigrateException(Messages.get("migrate.noConfigKey", cm, namedBy, CONFIG_KEY));
        }
        return new LegacyText(cm + " (data." + CONFIG_KEY + ")", text);
    }

    /** The ConfigMap name from the controller Deployment; the default when the Deployments cannot be listed. */
    static ConfigMapName locate(Cluster cluster, Consumer<String> warn) {
        List<Map<String, Object>> deployments;
        try {
            deployments = cluster.list("apps/v1", "Deployment", NAMESPACE);
        } catch (ClusterAccessException e) {
            warn.accept(Messages.get("migrate.cannotList", NAMESPACE, e.getMessage(), DEFAULT_CONFIGMAP));
            return new ConfigMapName(DEFAULT_CONFIGMAP, null);
        }
        return fromDeployments(deployments, warn);
    }

    /**
     * The {@code --config} value of MetalLB's controller among these Deployments. Deployments without the flag (v0.13+
     * controllers, anything else) are ignored; among several with it, the one that looks most like the controller wins.
     */
    static ConfigMapName fromDeployments(List<Map<String, Object>> deployments, Consumer<String> warn) {
        record Candidate(String deployment, String configMap, int rank) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (Map<String, Object> deployment : deployments) {
            String name = string(path(deployment, "metadata", "name"));
            configFlag(deployment).ifPresent(value -> candidates.add(new Candidate(name, value, controllerRank(deployment, name))));
        }
        if (candidates.isEmpty()) {
            return new ConfigMapName(DEFAULT_CONFIGMAP, null);
        }
        candidates.sort(Comparator.comparingInt(Candidate::rank).thenComparing(Candidate::deployment));
        Candidate chosen = candidates.get(0);
        Set<String> values = new LinkedHashSet<>();
        candidates.forEach(c -> values.add(c.configMap()));
        if (values.size() > 1) {
            warn.accept(Messages.get("migrate.differentConfigMaps", NAMESPACE,
                    String.join(", ", candidates.stream().map(c -> c.deployment() + ": " + c.configMap()).toList()),
                    chosen.configMap(), chosen.deployment()));
        }
        return new ConfigMapName(chosen.configMap(), chosen.deployment());
    }

    /** 0 for the manifests' {@code controller}, 1 for a controller by label, 2 for {@code *-controller} (Helm), else 3. */
    private static int controllerRank(Map<String, Object> deployment, String name) {
        if ("controller".equals(name)) {
            return 0;
        }
        Object labels = path(deployment, "metadata", "labels");
        if (labels instanceof Map<?, ?> map
                && ("controller".equals(map.get("component")) || "controller".equals(map.get("app.kubernetes.io/component")))) {
            return 1;
        }
        return name.endsWith("-controller") ? 2 : 3;
    }

    private static Optional<String> configFlag(Map<String, Object> deployment) {
        Object containers = path(deployment, "spec", "template", "spec", "containers");
        if (!(containers instanceof List<?> list)) {
            return Optional.empty();
        }
        for (Object container : list) {
            if (!(container instanceof Map<?, ?> c)) {
                continue;
            }
            List<String> argv = new ArrayList<>();
            for (String key : List.of("command", "args")) {
                if (c.get(key) instanceof List<?> items) {
                    items.forEach(item -> argv.add(String.valueOf(item)));
                }
            }
            for (int i = 0; i < argv.size(); i++) {
                Matcher m = FLAG.matcher(argv.get(i));
                if (!m.matches()) {
                    continue;
                }
                if (m.group(1) != null) {
                    return Optional.of(m.group(1));
                }
                if (i + 1 < argv.size()) {
                    return Optional.of(argv.get(i + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static Object path(Map<String, Object> object, String... keys) {
        Object current = object;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return current;
    }

    private static String string(Object value) {
        return value == null ? "" : value.toString();
    }
}
