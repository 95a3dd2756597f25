package dev.lbctl.cluster;

import dev.lbctl.i18n.Messages;
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
            throw new ClusterAccessException(Messages.get("cluster.timedOut", verb(verb), what), e);
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
                throw new ConflictException(Messages.get("cluster.conflict", what), e);
            }
            throw translate("update", what, e);
        }
    }

    ClusterAccessException translate(String verb, String what, KubernetesClientException e) {
        int code = e.getCode();
        String serverMessage = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : null;
        if (code == 401) {
            return new ClusterAccessException(Messages.get("cluster.unauthorized", server, verb(verb), what), e);
        }
        if (code == 403) {
            return new ClusterAccessException(Messages.get("cluster.forbidden", verb(verb), what,
                    serverMessage != null ? serverMessage : e.getMessage()), e);
        }
        if (code > 0) {
            return new ClusterAccessException(Messages.get("cluster.refused", verb(verb), what, String.valueOf(code),
                    serverMessage != null ? serverMessage : firstLine(e.getMessage())), e);
        }
        String reason;
        if (causedBy(e, ConnectException.class)) {
            reason = Messages.get("cluster.reason.connectionRefused");
        } else if (causedBy(e, UnknownHostException.class)) {
            reason = Messages.get("cluster.reason.unknownHost");
        } else if (causedBy(e, HttpConnectTimeoutException.class) || causedBy(e, HttpTimeoutException.class)) {
            reason = Messages.get("cluster.reason.timedOut");
        } else if (causedBy(e, SSLException.class)) {
            reason = Messages.get("cluster.reason.tls");
        } else {
            Throwable root = rootCause(e);
            reason = root instanceof IOException && root.getMessage() != null ? firstLine(root.getMessage())
                    : firstLine(e.getMessage());
        }
        return new ClusterAccessException(Messages.get("cluster.unreachable", server, verb(verb), what, reason), e);
    }

    /** The operation as the message's language says it (get, list, apply ... in English). */
    private static String verb(String verb) {
        return Messages.getOrDefault("cluster.verb." + verb, verb);
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
            return Messages.get("error.unknown");
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }
}
