package dev.lbctl.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Turns client failures into one sentence that says what lbctl was doing, against which server, and why it failed.
 * A 403 keeps the API server's own text, which names the user, verb and resource.
 */
final class ApiErrors {

    private final String server;

    ApiErrors(String server) {
        this.server = server;
    }

    <T> T call(String verb, String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientTimeoutException e) {
            throw new ClusterAccessException("cannot " + verb + " " + what + ": timed out", e);
        } catch (KubernetesClientException e) {
            throw translate(verb, what, e);
        }
    }

    /** Like {@link #call}, but a 409 becomes a {@link ConflictException} the caller can retry. */
    <T> T callUpdate(String what, Supplier<T> action) {
        try {
            return action.get();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                throw new ConflictException(what + " was changed by someone else while lbctl was updating it", e);
            }
            throw translate("update", what, e);
        }
    }

    ClusterAccessException translate(String verb, String what, KubernetesClientException e) {
        int code = e.getCode();
        String serverMessage = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : null;
        if (code == 401) {
            return new ClusterAccessException("the API server at " + server + " rejected the credentials (401 Unauthorized) while trying to "
                    + verb + " " + what + ": they may be expired; refresh the kubeconfig", e);
        }
        if (code == 403) {
            return new ClusterAccessException("forbidden to " + verb + " " + what + ": "
                    + (serverMessage != null ? serverMessage : e.getMessage()), e);
        }
        if (code > 0) {
            return new ClusterAccessException("the API server refused to " + verb + " " + what + " (" + code + "): "
                    + (serverMessage != null ? serverMessage : firstLine(e.getMessage())), e);
        }
        Throwable root = rootCause(e);
        String reason;
        if (root instanceof ConnectException) {
            reason = "connection refused";
        } else if (root instanceof UnknownHostException) {
            reason = "unknown host " + root.getMessage();
        } else if (root instanceof HttpConnectTimeoutException || root instanceof HttpTimeoutException) {
            reason = "the request timed out";
        } else if (root instanceof SSLException) {
            reason = "TLS failed (" + firstLine(root.getMessage()) + "); check the kubeconfig's certificate authority";
        } else if (root instanceof IOException) {
            reason = firstLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
        } else {
            reason = firstLine(e.getMessage());
        }
        return new ClusterAccessException("cannot reach the Kubernetes API server at " + server + " to " + verb + " "
                + what + ": " + reason, e);
    }

    private static Throwable rootCause(Throwable t) {
        Throwable cur = t;
        while (cur.getCause() != null && cur.getCause() != cur) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
