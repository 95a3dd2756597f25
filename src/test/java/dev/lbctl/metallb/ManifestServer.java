package dev.lbctl.metallb;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A mirror on 127.0.0.1 serving a directory as {@code /<version>/<file>}, counting requests; never the internet. */
final class ManifestServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<String, byte[]> replacements = new ConcurrentHashMap<>();

    ManifestServer(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            String path = exchange.getRequestURI().getPath().substring(1);
            Path file = root.resolve(path).normalize();
            byte[] body = replacements.containsKey(path) ? replacements.get(path)
                    : file.startsWith(root) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        server.start();
    }

    URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    int requests() {
        return requests.get();
    }

    /** Serves other bytes for {@code <version>/<file>}, as a compromised mirror would. */
    void replace(String path, byte[] body) {
        replacements.put(path, body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
