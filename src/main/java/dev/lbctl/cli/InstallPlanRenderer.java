package dev.lbctl.cli;

import dev.lbctl.i18n.Messages;
import dev.lbctl.install.InstallPlan;
import dev.lbctl.install.Installer;
import dev.lbctl.metallb.LegacyPoolConfig;
import dev.lbctl.metallb.ManifestObject;
import dev.lbctl.metallb.MemberlistSecret;
import dev.lbctl.metallb.PeerPassword;
import dev.lbctl.report.Json;
import dev.lbctl.report.Table;
import dev.lbctl.report.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders install's plan for --dry-run: a readable plan (table), the plan as JSON, or every object as YAML. */
final class InstallPlanRenderer {

    private InstallPlanRenderer() {
    }

    static String render(InstallPlan plan, OutputFormat format) {
        return switch (format) {
            case yaml -> Yaml.documents(objects(plan));
            case json -> Json.write(json(plan));
            case table -> table(plan);
        };
    }

    /** Every object install would create or apply, in order; the memberlist key is shown as a placeholder. */
    static List<Map<String, Object>> objects(InstallPlan plan) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (ManifestObject o : plan.manifestObjects()) {
            objects.add(o.document());
            if (o.kind().equals("Namespace") && plan.release().lbctlCreatesMemberlistSecret()) {
                objects.add(memberlistPlaceholder(plan));
            }
        }
        objects.addAll(configuration(plan));
        return objects;
    }

    private static Map<String, Object> memberlistPlaceholder(InstallPlan plan) {
        Map<String, Object> secret = new LinkedHashMap<>();
        secret.put("apiVersion", "v1");
        secret.put("kind", "Secret");
        secret.put("metadata", Map.of("name", MemberlistSecret.NAME, "namespace", plan.release().namespace()));
        secret.put("stringData", Map.of(MemberlistSecret.KEY, "<128 random bytes, generated at install and never printed>"));
        return secret;
    }

    /** The pool configuration; for a ConfigMap release, the ConfigMap as lbctl writes it into a cluster without one. */
    private static List<Map<String, Object>> configuration(InstallPlan plan) {
        if (!plan.release().version().usesConfigMap()) {
            return plan.configuration().resources();
        }
        // The password is read from its Secret only at install; the plan shows where it comes from instead.
        Optional<PeerPassword> password = plan.configuration().legacyBgp().passwordSecret()
                .map(name -> PeerPassword.placeholder(plan.release().namespace() + "/" + name));
        LegacyPoolConfig.Update update = LegacyPoolConfig.merge(Optional.empty(), LegacyPoolConfig.Owned.NOTHING,
                plan.configuration().pools(), plan.configuration().legacyBgp(), password);
        return List.of(Installer.configMap(plan.release().namespace(), LegacyPoolConfig.CONFIG_MAP_NAME, update));
    }

    static List<Map<String, Object>> pools(InstallPlan plan) {
        return plan.configuration().pools().stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", p.name());
            m.put("addresses", p.addresses());
            return m;
        }).toList();
    }

    private static Map<String, Object> json(InstallPlan plan) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("release", plan.release().tag());
        doc.put("namespace", plan.release().namespace());
        doc.put("configStyle", plan.release().version().usesConfigMap() ? "configmap" : "crd");
        doc.put("objects", objects(plan).stream().map(InstallPlanRenderer::identity).toList());
        doc.put("pools", pools(plan));
        doc.put("firstAddress", plan.firstAddress().orElse(null));
        return doc;
    }

    private static Map<String, Object> identity(Map<String, Object> object) {
        Map<?, ?> metadata = (Map<?, ?>) object.getOrDefault("metadata", Map.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", object.get("apiVersion"));
        m.put("kind", object.get("kind"));
        m.put("namespace", metadata.get("namespace"));
        m.put("name", metadata.get("name"));
        return m;
    }

    private static String table(InstallPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(Messages.get("plan.title", plan.release().tag(), plan.release().namespace())).append("\n\n");
        sb.append(Messages.get(plan.checkStrictArp() ? "plan.preflight.strictArp" : "plan.preflight")).append('\n');
        List<Map<String, Object>> objects = objects(plan);
        List<Map<String, Object>> config = configuration(plan);
        sb.append(Messages.get("plan.apply", objects.size() - config.size())).append('\n');
        sb.append(Messages.get(plan.waitForRollout() ? "plan.wait" : "plan.noWait")).append('\n');
        sb.append(plan.release().version().usesConfigMap() ? Messages.get("plan.pools.configMap") + "\n"
                : Messages.get("plan.pools.crds") + "\n\n");
        if (plan.release().version().usesConfigMap()) {
            sb.append('\n');
        }
        sb.append(new Table<Map<String, Object>>()
                .column(Messages.get("column.kind"), o -> String.valueOf(o.get("kind")))
                .column(Messages.get("column.namespace"), o -> (String) ((Map<?, ?>) o.getOrDefault("metadata", Map.of())).get("namespace"))
                .column(Messages.get("column.name"), o -> (String) ((Map<?, ?>) o.getOrDefault("metadata", Map.of())).get("name"))
                .render(objects));
        sb.append('\n');
        plan.configuration().pools().forEach(p -> sb.append(Messages.get("install.pool", p.name(),
                String.join(", ", p.addresses()))).append('\n'));
        plan.firstAddress().ifPresent(ip -> sb.append(Messages.get("plan.firstAddress", ip)).append('\n'));
        return sb.toString();
    }
}
