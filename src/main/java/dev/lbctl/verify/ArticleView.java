package dev.lbctl.verify;

import dev.lbctl.cluster.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The lines {@code kubectl get pods,svc} prints, which the article shows as its proof. */
public final class ArticleView {


    private ArticleView() {
    }

    public static String podHeader() {
        return String.format("%-44s %-5s %s", "NAME", "READY", "STATUS");
    }

    public static String serviceHeader() {
        return String.format("%-24s %-13s %-16s %-18s %s", "NAME", "TYPE", "CLUSTER-IP", "EXTERNAL-IP", "PORT(S)");
    }

    static String pod(Map<String, Object> pod) {
        List<Object> statuses = Fields.list(Fields.map(pod, "status"), "containerStatuses");
        long ready = statuses.stream().filter(s -> s instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("ready"))).count();
        int total = Fields.list(Fields.map(pod, "spec"), "containers").size();
        return String.format("pod/%-40s %d/%-3d %s", Fields.name(pod), ready, total,
                Fields.string(Fields.map(pod, "status"), "phase"));
    }

    static String service(Map<String, Object> service) {
        Map<String, Object> spec = Fields.map(service, "spec");
        List<String> ports = new ArrayList<>();
        for (Object p : Fields.list(spec, "ports")) {
            if (p instanceof Map<?, ?> m) {
                ports.add(m.get("port") + (m.get("nodePort") != null ? ":" + m.get("nodePort") : "") + "/" + m.get("protocol"));
            }
        }
        List<String> ips = Verifier.ingressIps(service);
        return String.format("service/%-16s %-13s %-16s %-18s %s", Fields.name(service), spec.get("type"),
                spec.get("clusterIP"), ips.isEmpty() ? "<pending>" : String.join(",", ips), String.join(",", ports));
    }
}
