package dev.lbctl.kubeproxy;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a KubeProxyConfiguration (ConfigMap {@code kube-system/kube-proxy}, key {@code config.conf}) and the two
 * values lbctl cares about. Values are read with the safe YAML loader; the text itself is kept as given so that a patch
 * can change it minimally.
 */
public final class KubeProxyConfigText {

    /** How the text is named in error messages. */
    public static final String SOURCE = "kube-system/kube-proxy config.conf";

    static final String IPVS = "ipvs";
    static final String STRICT_ARP = "strictARP";

    private final String text;
    private final Map<String, Object> values;
    private final ProxyMode mode;
    private final StrictArpValue strictArp;

    private KubeProxyConfigText(String text, Map<String, Object> values) {
        this.text = text;
        this.values = values;
        this.mode = readMode(values);
        this.strictArp = readStrictArp(values);
    }

    public static KubeProxyConfigText parse(String text) {
        return new KubeProxyConfigText(text, loadSingleMapping(text));
    }

    public String text() {
        return text;
    }

    public ProxyMode mode() {
        return mode;
    }

    public StrictArpValue strictArp() {
        return strictArp;
    }

    /**
     * Every value of the configuration except {@code ipvs.strictARP}; an {@code ipvs} left empty counts as absent, so that
     * {@code ipvs: null}, {@code ipvs: {}} and no {@code ipvs} compare equal. Used to prove a patch touched nothing else.
     */
    Map<String, Object> valuesWithoutStrictArp() {
        Map<String, Object> copy = new LinkedHashMap<>(values);
        if (copy.get(IPVS) instanceof Map<?, ?> ipvs) {
            Map<Object, Object> rest = new LinkedHashMap<>(ipvs);
            rest.remove(STRICT_ARP);
            copy.put(IPVS, rest);
        }
        if (copy.get(IPVS) == null || copy.get(IPVS) instanceof Map<?, ?> ipvs && ipvs.isEmpty()) {
            copy.remove(IPVS);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> loadSingleMapping(String text) {
        List<Object> docs = YamlDocuments.parse(text, SOURCE);
        if (docs.isEmpty()) {
            return Map.of();
        }
        if (docs.size() > 1 || !(docs.get(0) instanceof Map<?, ?>)) {
            throw new InvalidInputException(Messages.get("kubeProxy.notAMapping", SOURCE));
        }
        return (Map<String, Object>) docs.get(0);
    }

    private static ProxyMode readMode(Map<String, Object> values) {
        Object mode = values.get("mode");
        if (mode == null) {
            return ProxyMode.DEFAULT;
        }
        if (!(mode instanceof String s)) {
            throw new InvalidInputException(Messages.get("kubeProxy.modeNotAString", SOURCE, mode));
        }
        return ProxyMode.fromConfigValue(s, SOURCE);
    }

    private static StrictArpValue readStrictArp(Map<String, Object> values) {
        Object ipvs = values.get(IPVS);
        if (ipvs == null) {
            return StrictArpValue.ABSENT;
        }
        if (!(ipvs instanceof Map<?, ?> block)) {
            throw new InvalidInputException(Messages.get("kubeProxy.ipvsNotAMapping", SOURCE, ipvs));
        }
        Object value = block.get(STRICT_ARP);
        if (value == null) {
            return StrictArpValue.ABSENT;
        }
        // A quoted "true"/"false" is read like the boolean: hand-edited configs contain it, and the intent is plain.
        String normalized = value.toString();
        if (value instanceof Boolean || normalized.equals("true") || normalized.equals("false")) {
            return Boolean.parseBoolean(normalized) ? StrictArpValue.ENABLED : StrictArpValue.DISABLED;
        }
        throw new InvalidInputException(Messages.get("kubeProxy.strictArpNotABoolean", SOURCE, value));
    }
}
