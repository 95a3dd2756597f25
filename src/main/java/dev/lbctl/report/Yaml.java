package dev.lbctl.report;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;

/** Kubernetes objects as multi-document block YAML, ready for {@code kubectl apply -f -}. */
public final class Yaml {

    private Yaml() {
    }

    public static String documents(List<Map<String, Object>> objects) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndicatorIndent(0);
        options.setSplitLines(false);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(options);
        StringBuilder sb = new StringBuilder();
        for (Map<String, Object> object : objects) {
            sb.append("---\n").append(yaml.dump(object));
        }
        return sb.toString();
    }
}
