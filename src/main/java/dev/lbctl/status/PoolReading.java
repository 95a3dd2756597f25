package dev.lbctl.status;

import dev.lbctl.i18n.Messages;
import dev.lbctl.cluster.Fields;
import dev.lbctl.config.ConfigFiles;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.report.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the pools configured in the cluster into {@link AddressPool}s with the same reader {@code lbctl pool validate}
 * uses, so that addresses are parsed the way the running MetalLB release parses them. Reading a pool never fails the
 * status: a problem becomes a warning, and the pool keeps the addresses that do parse.
 */
public final class PoolReading {

    private PoolReading() {
    }

    /**
     * A pool resource (IPAddressPool, or the older AddressPool) as the API server returns it. Only what MetalLB's
     * webhook checks is read (name, namespace, labels, spec): server-set metadata and the status are left out.
     */
    public static Optional<AddressPool> fromResource(Map<String, Object> object, MetalLbVersion version, List<String> warnings) {
        String kind = Fields.string(object, "kind");
        String id = kind + " " + Fields.namespace(object) + "/" + Fields.name(object);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", Fields.name(object));
        metadata.put("namespace", Fields.namespace(object));
        Map<String, Object> labels = Fields.map(Fields.map(object, "metadata"), "labels");
        if (!labels.isEmpty()) {
            metadata.put("labels", labels);
        }
        Map<String, Object> clean = new LinkedHashMap<>();
        clean.put("apiVersion", Fields.string(object, "apiVersion"));
        clean.put("kind", kind);
        clean.put("metadata", metadata);
        clean.put("spec", Fields.map(object, "spec"));
        try {
            List<AddressPool> pools = ConfigFiles.read(Json.write(clean), id).pools(version);
            return pools.stream().findFirst();
        } catch (InvalidInputException e) {
            warnings.add(Messages.get("status.warn.poolUnreadable", id, version, withoutPeriod(e.getMessage())));
            return Optional.of(fromAddresses(Fields.name(object), Fields.map(object, "spec"), version));
        }
    }

    /** The pools of a legacy configuration (the {@code config} key of MetalLB's ConfigMap). */
    public static List<AddressPool> fromConfigMapText(String text, String source, MetalLbVersion version, List<String> warnings) {
        try {
            return ConfigFiles.read(text, source).pools(version);
        } catch (InvalidInputException e) {
            warnings.add(Messages.get("status.warn.poolsUnreadable", source, withoutPeriod(e.getMessage())));
            return List.of();
        }
    }

    private static AddressPool fromAddresses(String name, Map<String, Object> spec, MetalLbVersion version) {
        List<String> addresses = new ArrayList<>();
        List<Cidr> cidrs = new ArrayList<>();
        for (Object entry : Fields.list(spec, "addresses")) {
            String text = String.valueOf(entry);
            addresses.add(text);
            try {
                cidrs.addAll(MetalLbAddresses.parse(text, version));
            } catch (InvalidAddressException e) {
                // MetalLB ignores the whole pool in this case; lbctl still shows what it can.
            }
        }
        boolean avoidBuggyIps = Boolean.TRUE.equals(spec.get("avoidBuggyIPs"));
        boolean autoAssign = !Boolean.FALSE.equals(spec.get("autoAssign"));
        return new AddressPool(name, addresses, cidrs, autoAssign, avoidBuggyIps, Optional.empty(), Optional.empty());
    }

    /** Warnings are printed as {@code warning: <text>}, without a final period; lbctl's messages end with one. */
    private static String withoutPeriod(String message) {
        String m = message.strip();
        return m.endsWith(".") ? m.substring(0, m.length() - 1) : m;
    }
}
