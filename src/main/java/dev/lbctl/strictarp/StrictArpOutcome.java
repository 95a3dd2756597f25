package dev.lbctl.strictarp;

import dev.lbctl.kubeproxy.KubeProxyConfigText;
import dev.lbctl.kubeproxy.StrictArpResult;
import java.util.List;
import java.util.Optional;

/**
 * What check-strictarp found and did.
 *
 * @param config the live kube-proxy configuration before any change; empty when there is no kube-proxy ConfigMap
 * @param check the evaluation of the live configuration (before any change)
 * @param action what lbctl changed: nothing, the fix, or the revert
 * @param restarted whether the kube-proxy DaemonSet was restarted and rolled out
 * @param warnings things the user should know that did not stop the command (e.g. no kube-proxy DaemonSet)
 */
public record StrictArpOutcome(Optional<KubeProxyConfigText> config, StrictArpResult check, Action action, boolean restarted, List<String> warnings) {

    public enum Action { NONE, WOULD_FIX, FIXED, REVERTED }

    public StrictArpOutcome {
        warnings = List.copyOf(warnings);
    }
}
