package dev.lbctl.verify;

import dev.lbctl.i18n.Messages;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Fetches {@code http://IP:PORT/} until it answers as expected or the deadline passes. A fresh LoadBalancer IP takes a
 * moment to be announced (ARP, then the proxy rules), so refused connections and timeouts are retried.
 */
final class HttpProbe {

    static final String NGINX_WELCOME = "Welcome to nginx!";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofSeconds(1);

    /** The last answer seen: status code (0 when nothing answered) and a description for messages. */
    record Answer(boolean ok, int status, String detail, int attempts) {
    }

    private HttpProbe() {
    }

    static Answer fetch(String ip, int port, boolean expectNginxPage, Instant deadline) {
        URI uri = URI.create("http://" + (ip.contains(":") ? "[" + ip + "]" : ip) + ":" + port + "/");
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build();
        Answer last = new Answer(false, 0, Messages.get("verify.http.noAttempt"), 0);
        for (int attempt = 1; attempt == 1 || Instant.now().plus(PAUSE).isBefore(deadline); attempt++) {
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                boolean pageOk = !expectNginxPage || response.body().contains(NGINX_WELCOME);
                if (response.statusCode() == 200 && pageOk) {
                    return new Answer(true, 200, Messages.get(expectNginxPage ? "verify.http.okPage" : "verify.http.ok", uri),
                            attempt);
                }
                last = new Answer(false, response.statusCode(), response.statusCode() == 200
                        ? Messages.get("verify.http.noPage", uri) : Messages.get("verify.http.status", uri, response.statusCode()),
                        attempt);
            } catch (IOException e) {
                last = new Answer(false, 0, Messages.get("verify.http.failed", uri, describe(e)), attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(false, 0, "interrupted", attempt);
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
        return last;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        return e.getMessage() == null ? name : name + ": " + e.getMessage();
    }
}
