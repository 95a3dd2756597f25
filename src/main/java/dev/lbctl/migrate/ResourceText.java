package dev.lbctl.migrate;

import dev.lbctl.report.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Renders converted resources for {@code kubectl apply -f -}: YAML documents, or one JSON {@code v1 List}. */
public final class ResourceText {

    static final String HEADER = "# MetalLB resources converted from the legacy ConfigMap by lbctl config migrate.\n";

    private ResourceText() {
    }

    /** Block-style YAML, one document per resource, separated by {@code ---}; strings YAML would misread are quoted. */
    public static String yaml(List<Map<String, Object>> resources) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        Yaml yaml = new Yaml(options);
        StringBuilder sb = new StringBuilder(HEADER);
        for (int i = 0; i < resources.size(); i++) {
            if (i > 0) {
                sb.append("---\n");
            }
            sb.append(yaml.dump(resources.get(i)));
        }
        return sb.toString();
    }

    public static String json(List<Map<String, Object>> resources) {
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("apiVersion", "v1");
        list.put("kind", "List");
        list.put("items", resources);
        return Json.write(list);
    }
}
