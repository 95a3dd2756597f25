package dev.lbctl.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read path (raw GET, JSON tree) through the real connector and gateway, against a loopback HTTP server that
 * answers like an API server: what is read, which URL is asked, and how each kind of failure is worded. Proof on a real
 * kube-apiserver is the ITs'; this pins the translation of answers that one cannot easily be made to give.
 */
class RawReadsTest {

    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"not found","reason":"NotFound","code":404}""";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile Map<String, String> bodies = Map.of();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String uri = exchange.getRequestURI().toString();
            asked.add(uri);
            String body = bodies.get(uri);
            int code = body == null && status == 200 ? 404 : status;
            byte[] bytes = (body == null || code != 200 ? errorBody(code) : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String errorBody(int code) {
        return code == 404 ? NOT_FOUND : """
                {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",\
                "message":"configmaps \\"kube-proxy\\" is forbidden: User \\"dev\\" cannot get resource","code":%d}"""
                .formatted(code);
    }

    private Cluster connect(int port) throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: c
                  cluster:
                    server: http://127.0.0.1:%d
                users:
                - name: u
                  user:
                    token: t
                contexts:
                - name: x
                  context: {cluster: c, user: u}
                current-context: x
                """.formatted(port));
        return ClusterConnector.connect(new ClusterOptions(kubeconfig, null, Duration.ofSeconds(5)));
    }

    private Cluster connect() throws IOException {
        return connect(server.getAddress().getPort());
    }

    @Test
    void aConfigMapIsReadFromItsUrlWithDataAnnotationsAndVersion() throws IOException {
        bodies = Map.of("/api/v1/namespaces/kube-system/configmaps/kube-proxy", """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kube-proxy","namespace":"kube-system",
                 "resourceVersion":"42","annotations":{"a":"b"}},"data":{"config.conf":"mode: ipvs\\n"}}""");
        try (Cluster cluster = connect()) {
            ConfigMapSnapshot cm = cluster.configMap("kube-system", "kube-proxy").orElseThrow();
            assertThat(cm.data()).containsExactly(Map.entry("config.conf", "mode: ipvs\n"));
            assertThat(cm.annotations()).containsExactly(Map.entry("a", "b"));
            assertThat(cm.resourceVersion()).isEqualTo("42");
            assertThat(cluster.configMap("kube-system", "absent")).isEmpty();
        }
    }

    @Test
    void listsGiveTheirItemsAndNodesTheirInternalAddresses() throws IOException {
        bodies = Map.of(
                "/apis/apps/v1/namespaces/metallb-system/deployments", """
                        {"apiVersion":"apps/v1","kind":"DeploymentList","items":[{"metadata":{"name":"controller","generation":3}}]}""",
                "/api/v1/nodes", """
                        {"kind":"NodeList","items":[{"metadata":{"name":"n1","labels":{"zone":"a"}},
                         "spec":{"podCIDR":"10.244.0.0/24"},
                         "status":{"addresses":[{"type":"Hostname","address":"n1"},{"type":"InternalIP","address":"198.51.100.10"}]}}]}""");
        try (Cluster cluster = connect()) {
            List<Map<String, Object>> deployments = cluster.list("apps/v1", "Deployment", "metallb-system");
            assertThat(deployments).hasSize(1);
            assertThat(Fields.name(deployments.get(0))).isEqualTo("controller");
            assertThat(Fields.number(Fields.map(deployments.get(0), "metadata"), "generation")).isEqualTo(3);
            // The API server names the kind on the list only; the items get it, as fabric8's typed lists give it.
            assertThat(deployments.get(0)).containsEntry("apiVersion", "apps/v1").containsEntry("kind", "Deployment");
            List<NodeInfo> nodes = cluster.nodes();
            assertThat(nodes).containsExactly(new NodeInfo("n1", List.of("198.51.100.10"), List.of("10.244.0.0/24"), Map.of("zone", "a")));
        }
    }

    @Test
    void aLabelSelectorIsSentEncoded() throws IOException {
        bodies = Map.of("/api/v1/namespaces/ns/services?labelSelector=app%3Dweb", """
                {"kind":"ServiceList","items":[{"metadata":{"name":"web"}}]}""");
        try (Cluster cluster = connect()) {
            List<Map<String, Object>> services = cluster.list(new ServedKind("", "v1", "Service", "services", true), "ns", "app=web");
            assertThat(services).extracting(Fields::name).containsExactly("web");
        }
    }

    @Test
    void refusalsKeepTheServersWordsAndNameWhatWasRead() throws IOException {
        status = 403;
        try (Cluster cluster = connect()) {
            assertThatThrownBy(() -> cluster.configMap("kube-system", "kube-proxy"))
                    .isInstanceOf(ClusterAccessException.class)
                    .hasMessage("forbidden to get configmap kube-system/kube-proxy: configmaps \"kube-proxy\" is forbidden:"
                            + " User \"dev\" cannot get resource");
        }
        status = 401;
        try (Cluster cluster = connect()) {
            assertThatThrownBy(() -> cluster.get("apps/v1", "Deployment", "metallb-system", "controller"))
                    .isInstanceOf(ClusterAccessException.class)
                    .hasMessageStartingWith("the API server at http://127.0.0.1:" + server.getAddress().getPort()
                            + "/ rejected the credentials (401 Unauthorized) while trying to get Deployment metallb-system/controller");
        }
        status = 500;
        try (Cluster cluster = connect()) {
            assertThatThrownBy(cluster::nodes).isInstanceOf(ClusterAccessException.class)
                    .hasMessageStartingWith("the API server refused to list nodes (500): ");
        }
    }

    @Test
    void anUnreachableServerIsSaidSo() throws IOException {
        int port = server.getAddress().getPort();
        server.stop(0);
        try (Cluster cluster = connect(port)) {
            assertThatThrownBy(() -> cluster.configMap("kube-system", "kube-proxy"))
                    .isInstanceOf(ClusterAccessException.class)
                    .hasMessage("cannot reach the Kubernetes API server at http://127.0.0.1:" + port
                            + "/ to get configmap kube-system/kube-proxy: connection refused");
        }
        assertThat(asked).isEmpty();
    }
}
