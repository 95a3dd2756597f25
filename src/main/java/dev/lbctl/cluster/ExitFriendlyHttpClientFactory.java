package dev.lbctl.cluster;

import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * fabric8's JDK HTTP client factory, with a way to stop the JDK clients it built once lbctl is done with the cluster.
 * A JDK client's selector thread waits in epoll, and a JVM that exits while a thread is in native code first waits up
 * to 300 ms for it: a third of a second added to every cluster command. {@link #stopClients()} ends those threads:
 * through {@code HttpClient.close()} on JDK 21 and later, and on older JDKs by interrupting the client's selector
 * thread, which ends its loop. fabric8's own close only shuts down the executor.
 */
final class ExitFriendlyHttpClientFactory extends JdkHttpClientFactory {

    private static final Duration SELECTOR_EXIT_WAIT = Duration.ofMillis(200);

    private final List<HttpClient> built = new ArrayList<>();

    @Override
    protected HttpClient.Builder createNewHttpClientBuilder() {
        return new RecordingBuilder(super.createNewHttpClientBuilder());
    }

    /** Call after the KubernetesClient is closed: every JDK client this factory built stops. */
    synchronized void stopClients() {
        for (HttpClient http : built) {
            if (http instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    // the cluster work is over: failing to close only costs the exit delay
                }
            } else {
                interruptSelector(http);
            }
        }
        built.clear();
    }

    /** The JDK names a client "...HttpClientImpl@hash(ID)" and its selector thread "HttpClient-ID-SelectorManager". */
    private static void interruptSelector(HttpClient http) {
        String text = http.toString();
        int open = text.lastIndexOf('(');
        int close = text.lastIndexOf(')');
        if (open < 0 || close < open) {
            return;
        }
        String selector = "HttpClient-" + text.substring(open + 1, close) + "-SelectorManager";
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(selector)) {
                thread.interrupt();
                try {
                    thread.join(SELECTOR_EXIT_WAIT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    private synchronized void record(HttpClient http) {
        built.add(http);
    }

    /** Passes every setting through, and records the client it builds. */
    private final class RecordingBuilder implements HttpClient.Builder {

        private final HttpClient.Builder delegate;

        RecordingBuilder(HttpClient.Builder delegate) {
            this.delegate = delegate;
        }

        @Override
        public HttpClient.Builder cookieHandler(java.net.CookieHandler cookieHandler) {
            delegate.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            delegate.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(javax.net.ssl.SSLContext sslContext) {
            delegate.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(javax.net.ssl.SSLParameters sslParameters) {
            delegate.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(java.util.concurrent.Executor executor) {
            delegate.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            delegate.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            delegate.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            delegate.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(java.net.ProxySelector proxySelector) {
            delegate.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(java.net.Authenticator authenticator) {
            delegate.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            HttpClient http = delegate.build();
            record(http);
            return http;
        }
    }
}
