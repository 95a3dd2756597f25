package dev.lbctl.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.internal.OperationSupport;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * GETs sent through the fabric8 client's own HTTP client, whose answers are read as a plain JSON tree. Everything the
 * kubeconfig decides (TLS, client certificates, tokens and exec credentials, proxies, impersonation, retries on 429
 * and 5xx) stays fabric8's, as do the URLs; what a read skips is deserializing into fabric8's typed model and
 * converting that back into maps, which a cold JVM pays for in class loading and interpreted code. Failures become
 * the same {@link KubernetesClientException}s that fabric8's typed reads throw, so {@link ApiErrors} words them alike.
 */
final class RawReads {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final KubernetesSerialization serialization;
    private final long timeoutMs;

    RawReads(HttpClient http, KubernetesSerialization serialization, long timeoutMs) {
        this.http = http;
        this.serialization = serialization;
        this.timeoutMs = timeoutMs;
    }

    /** The object at this URL; empty on 404, as fabric8's {@code get()} returns null. */
    Optional<Map<String, Object>> get(URL url) {
        return Optional.ofNullable(send(url, true));
    }

    /**
     * The items of the list at this URL, each with its {@code apiVersion} and {@code kind}: the API server writes them
     * on the list only ({@code ConfigMapList}), fabric8's typed lists copy them onto the items, and lbctl's callers
     * (the inventory, ownership, pruning) name objects by them.
     */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(URL url) {
        Map<String, Object> list = send(url, false);
        String apiVersion = Fields.string(list, "apiVersion");
        String listKind = Fields.string(list, "kind");
        String kind = listKind != null && listKind.endsWith("List") ? listKind.substring(0, listKind.length() - 4) : null;
        return Fields.list(list, "items").stream().filter(Map.class::isInstance).map(item -> {
            Map<String, Object> typed = new LinkedHashMap<>();
            typed.put("apiVersion", apiVersion);
            typed.put("kind", kind);
            typed.putAll((Map<String, Object>) item); // what the item says itself wins
            return (Map<String, Object>) typed;
        }).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> send(URL url, boolean absentIsEmpty) {
        HttpRequest request = http.newHttpRequestBuilder().url(url).timeout(timeoutMs, TimeUnit.MILLISECONDS).build();
        HttpResponse<byte[]> response;
        try {
            response = http.sendAsync(request, byte[].class).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KubernetesClientException.launderThrowable(e);
        } catch (ExecutionException e) {
            // As fabric8's own reads do: an I/O failure keeps its cause (ApiErrors looks for it), anything else is wrapped.
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof KubernetesClientException k) {
                throw k;
            }
            throw KubernetesClientException.launderThrowable(cause instanceof IOException
                    ? new IOException(cause.getMessage(), cause) : cause);
        }
        if (absentIsEmpty && response.code() == 404) {
            return null;
        }
        if (!response.isSuccessful()) {
            // fabric8's own words and Status (the API server's message), built the way its typed reads build them.
            throw OperationSupport.requestFailure(request, OperationSupport.createStatus(response, serialization));
        }
        try {
            return JSON.readValue(response.body(), Map.class);
        } catch (IOException e) {
            throw OperationSupport.requestException(request, e);
        }
    }
}
