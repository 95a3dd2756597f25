package dev.lbctl.startup;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.lbctl.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The workload a startup archive is made from: the launcher runs it once in a JVM that writes an AppCDS archive or an
 * AOT cache, which then holds every class these commands load, parsed, verified and (AOT) linked. It runs the offline
 * commands on small inputs and a cluster read against a stub API server on loopback that speaks TLS with client
 * certificates like a kubeadm cluster, so the kubeconfig, TLS, HTTP and JSON classes are in the archive too.
 * Nothing it does leaves this machine; its files go to a temporary directory that it removes.
 */
public final class StartupTraining {

    private static final String PASSWORD = "lbctl-training";

    /** The root command with no subcommand: what the launcher's {@code root} archive is for. */
    private static final List<String[]> ROOT_RUNS = List.of(
            new String[] {"--help"}, new String[] {"--version"}, new String[] {"--no-such-option"});

    private StartupTraining() {
    }

    /**
     * {@code root}: the root command alone ({@code --version}, {@code --help}, an unknown option); {@code offline}: every
     * command that needs no cluster; {@code cluster} (the default): those and a cluster read. On JDK 25 the JVM loads
     * every class of an AOT cache at start, needed or not, so {@code --version} gets an archive of its own.
     */
    public static void main(String[] args) throws Exception {
        String workload = args.length == 0 ? "cluster" : args[0];
        boolean cluster = !workload.equals("root") && !workload.equals("offline");
        Path dir = Files.createTempDirectory("lbctl-training");
        try {
            List<String[]> runs = new ArrayList<>(workload.equals("root") ? ROOT_RUNS : offlineRuns(dir));
            HttpsServer server = cluster ? startStubApiServer(dir) : null;
            try {
                if (server != null) {
                    String kubeconfig = "--kubeconfig=" + kubeconfig(dir, server.getAddress().getPort());
                    runs.add(new String[] {"check-strictarp", kubeconfig});
                    runs.add(new String[] {"check-strictarp", kubeconfig, "-o", "json"});
                    runs.add(new String[] {"check-strictarp", kubeconfig, "--fix", "--dry-run"});
                }
                for (String[] run : runs) {
                    Main.run(run, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
                }
            } finally {
                if (server != null) {
                    server.stop(0);
                }
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static List<String[]> offlineRuns(Path dir) throws IOException {
        Path pools = Files.writeString(dir.resolve("pools.yaml"), """
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata:
                  name: first-pool
                  namespace: metallb-system
                spec:
                  addresses:
                  - 192.168.100.240-192.168.100.250
                ---
                apiVersion: metallb.io/v1beta1
                kind: L2Advertisement
                metadata:
                  name: first-pool
                  namespace: metallb-system
                spec:
                  ipAddressPools:
                  - first-pool
                """);
        Path legacy = Files.writeString(dir.resolve("legacy.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  namespace: metallb-system
                  name: config
                data:
                  config: |
                    address-pools:
                    - name: default
                      protocol: layer2
                      addresses:
                      - 192.168.100.240-192.168.100.250
                """);
        Path services = Files.writeString(dir.resolve("services.yaml"), """
                apiVersion: v1
                kind: Service
                metadata:
                  name: nginx
                  namespace: default
                spec:
                  type: LoadBalancer
                  selector:
                    app: nginx
                  ports:
                  - port: 80
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: pinned
                  namespace: default
                  annotations:
                    metallb.universe.tf/loadBalancerIPs: 192.168.100.100
                spec:
                  type: LoadBalancer
                  ports:
                  - port: 80
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: pinned-inside, namespace: default, annotations: {metallb.io/loadBalancerIPs: 192.168.100.245}}
                spec: {type: LoadBalancer, selector: {app: nginx}, ports: [{port: 80}]}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: outside, namespace: default}
                spec: {type: LoadBalancer, loadBalancerIP: 192.168.100.100, ports: [{port: 80}]}
                """);
        List<String[]> runs = new ArrayList<>(ROOT_RUNS);
        runs.addAll(List.of(
                new String[] {"pool", "--help"},
                new String[] {"pool", "validate", "--help"},
                new String[] {"check-strictarp", "--help"},
                new String[] {"no-such-command"},
                new String[] {"pool", "validate", "-f", pools.toString()},
                new String[] {"pool", "validate", "-o", "json", "-f", legacy.toString()},
                new String[] {"pool", "validate", "192.168.1.0/24", "bad=10.0.0.300"},
                new String[] {"pool", "simulate", "-f", pools.toString(), "--services", services.toString()},
                new String[] {"pool", "simulate", "-o", "json", "-f", legacy.toString(), "--services", services.toString()}));
        return runs;
    }

    /** A self-signed RSA key pair for 127.0.0.1, made with the JDK's keytool, serves as the server and the client. */
    private static KeyStore keyStore(Path dir) throws Exception {
        Path store = dir.resolve("training.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "training", "-keyalg", "RSA",
                "-keysize", "2048", "-dname", "CN=lbctl-training", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed to make the training key pair");
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    private static HttpsServer startStubApiServer(Path dir) throws Exception {
        KeyStore ks = keyStore(dir);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD.toCharArray());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                params.setNeedClientAuth(true);
            }
        });
        server.createContext("/", StartupTraining::answer);
        server.start();
        Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", ks.getCertificate("training").getEncoded()));
        Files.writeString(dir.resolve("key.pem"),
                pem("PRIVATE KEY", ((PrivateKey) ks.getKey("training", PASSWORD.toCharArray())).getEncoded()));
        return server;
    }

    /** kube-proxy's ConfigMap in IPVS mode without strictARP; a Kubernetes 404 Status for anything else. */
    private static void answer(HttpExchange exchange) throws IOException {
        String body;
        int status;
        if (exchange.getRequestURI().getPath().equals("/api/v1/namespaces/kube-system/configmaps/kube-proxy")) {
            status = 200;
            body = """
                    {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"kube-proxy","namespace":"kube-system",
                    "resourceVersion":"1","uid":"6b0f1fd8-0000-4000-8000-000000000001"},
                    "data":{"config.conf":"apiVersion: kubeproxy.config.k8s.io/v1alpha1\\nkind: KubeProxyConfiguration\\nipvs:\\n  strictARP: false\\nmode: \\"ipvs\\"\\n"}}
                    """;
        } else {
            status = 404;
            body = """
                    {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"not found","reason":"NotFound","code":404}
                    """;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Path kubeconfig(Path dir, int port) throws IOException {
        String cert = base64(Files.readString(dir.resolve("cert.pem")));
        String key = base64(Files.readString(dir.resolve("key.pem")));
        return Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: training
                  cluster:
                    server: https://127.0.0.1:%d
                    certificate-authority-data: %s
                users:
                - name: training
                  user:
                    client-certificate-data: %s
                    client-key-data: %s
                contexts:
                - name: training
                  context:
                    cluster: training
                    user: training
                current-context: training
                """.formatted(port, cert, cert, key));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }
}
