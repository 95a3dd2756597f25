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
        String reason;
        if (causedBy(e, ConnectException.class)) {
            reason = "connection refused";
        } else if (causedBy(e, UnknownHostException.class)) {
            reason = "unknown host";
        } else if (causedBy(e, HttpConnectTimeoutException.class) || causedBy(e, HttpTimeoutException.class)) {
            reason = "the request timed out";
        } else if (causedBy(e, SSLException.class)) {
            reason = "TLS failed; check the kubeconfig's certificate authority and server address";
        } else {
            Throwable root = rootCause(e);
            reason = root instanceof IOException && root.getMessage() != null ? firstLine(root.getMessage())
                    : firstLine(e.getMessage());
        }
        return new ClusterAccessException("cannot reach the Kubernetes API server at " + server + " to " + verb + " "
                + what + ": " + reason, e);
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable cur = t; cur != null; cur = cur.getCause() == cur ? null : cur.getCause()) {
            if (type.isInstance(cur)) {
                return true;
            }
        }
        return false;
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
