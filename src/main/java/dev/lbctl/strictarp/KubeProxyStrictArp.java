package dev.lbctl.strictarp;

import dev.lbctl.cluster.Cluster;
import dev.lbctl.cluster.ConfigMapSnapshot;
import dev.lbctl.cluster.ConflictException;
import dev.lbctl.cluster.Rollouts;
import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.kubeproxy.KubeProxyConfigText;
import dev.lbctl.kubeproxy.StrictArpCheck;
import dev.lbctl.kubeproxy.StrictArpResult;
import dev.lbctl.kubeproxy.StrictArpRevert;
import dev.lbctl.report.Progress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks, fixes and reverts kube-proxy's {@code ipvs.strictARP} on a cluster. The fix changes only that key in
 * {@code config.conf}, keeps the previous text in an annotation for {@code --revert}, writes conditionally on the
 * resourceVersion it read (a concurrent edit is re-read and patched again, never overwritten), then restarts kube-proxy,
 * which applies strictARP only when it starts.
 */
public final class KubeProxyStrictArp {

    public static final String NAMESPACE = "kube-system";
    public static final String NAME = "kube-proxy";
    public static final String CONFIG_KEY = "config.conf";
    /** Holds config.conf as it was before lbctl's first fix. */
    public static final String BACKUP_ANNOTATION = "lbctl.dev/config.conf-before-strictarp";

    private static final int MAX_CONFLICT_RETRIES = 5;

    private final Cluster cluster;
    private final Progress progress;

    public KubeProxyStrictArp(Cluster cluster, Progress progress) {
        this.cluster = cluster;
        this.progress = progress;
    }

    public StrictArpOutcome check() {
        Optional<String> text = read().map(KubeProxyStrictArp::configText);
        return new StrictArpOutcome(text.map(KubeProxyConfigText::parse), StrictArpCheck.evaluate(text),
                StrictArpOutcome.Action.NONE, false, List.of());
    }

    /** Applies the fix when needed; with {@code restart}, restarts kube-proxy and waits for its rollout. */
    public StrictArpOutcome fix(boolean restart, Duration timeout) {
        List<String> warnings = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            Optional<ConfigMapSnapshot> live = read();
            Optional<String> text = live.map(KubeProxyStrictArp::configText);
            StrictArpResult result = StrictArpCheck.evaluate(text);
            Optional<KubeProxyConfigText> config = text.map(KubeProxyConfigText::parse);
            if (result.status() != StrictArpResult.Status.NEEDS_CHANGE) {
                return new StrictArpOutcome(config, result, StrictArpOutcome.Action.NONE, false, warnings);
            }
            ConfigMapSnapshot snapshot = live.orElseThrow();
            Map<String, String> data = new HashMap<>(snapshot.data());
            data.put(CONFIG_KEY, result.patchedText().orElseThrow());
            Map<String, String> annotations = new HashMap<>(snapshot.annotations());
            // Keep the oldest backup: a second fix after someone turned strictARP off again must not lose the original.
            annotations.putIfAbsent(BACKUP_ANNOTATION, configText(snapshot));
            try {
                progress.step(Messages.get("strictarp.step.set", NAMESPACE + "/" + NAME),
                        () -> cluster.updateConfigMap(snapshot.withData(data, annotations)));
            } catch (ConflictException e) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                progress.info(Messages.get("strictarp.conflict"));
                continue;
            }
            boolean restarted = restart && restart(timeout, warnings);
            return new StrictArpOutcome(config, result, StrictArpOutcome.Action.FIXED, restarted, warnings);
        }
    }

    /**
     * Undoes lbctl's strictARP change (a three-way merge against the text saved before the fix, so later edits to other
     * keys stay), and removes the backup annotation.
     */
    public StrictArpOutcome revert(boolean restart, Duration timeout) {
        List<String> warnings = new ArrayList<>();
        for (int attempt = 1; ; attempt++) {
            ConfigMapSnapshot snapshot = read().orElseThrow(() -> new InvalidInputException(
                    Messages.get("strictarp.revert.noConfigMap", NAMESPACE + "/" + NAME)));
            String backup = snapshot.annotations().get(BACKUP_ANNOTATION);
            if (backup == null) {
                throw new InvalidInputException(Messages.get("strictarp.revert.noBackup", NAMESPACE + "/" + NAME,
                        BACKUP_ANNOTATION));
            }
            String current = configText(snapshot);
            StrictArpResult before = StrictArpCheck.evaluate(Optional.of(current));
            Map<String, String> data = new HashMap<>(snapshot.data());
            data.put(CONFIG_KEY, StrictArpRevert.revert(backup, current));
            Map<String, String> annotations = new HashMap<>(snapshot.annotations());
            annotations.remove(BACKUP_ANNOTATION);
            try {
                progress.step(Messages.get("strictarp.step.revert", NAMESPACE + "/" + NAME, CONFIG_KEY),
                        () -> cluster.updateConfigMap(snapshot.withData(data, annotations)));
            } catch (ConflictException e) {
                if (attempt >= MAX_CONFLICT_RETRIES) {
                    throw e;
                }
                continue;
            }
            boolean restarted = restart && restart(timeout, warnings);
            return new StrictArpOutcome(Optional.of(KubeProxyConfigText.parse(current)), before,
                    StrictArpOutcome.Action.REVERTED, restarted, warnings);
        }
    }

    private boolean restart(Duration timeout, List<String> warnings) {
        boolean exists = progress.step(Messages.get("strictarp.step.restart", NAMESPACE + "/" + NAME),
                () -> cluster.restartDaemonSet(NAMESPACE, NAME));
        if (!exists) {
            warnings.add(Messages.get("strictarp.noDaemonSet", NAMESPACE + "/" + NAME));
            return false;
        }
        progress.step(Messages.get("strictarp.step.rollout"), () -> cluster.await("apps/v1", "DaemonSet", NAMESPACE, NAME,
                state -> state.map(Rollouts::daemonSetRolledOut).orElse(false),
                Messages.get("install.await.rollout", "DaemonSet " + NAMESPACE + "/" + NAME), timeout));
        return true;
    }

    private Optional<ConfigMapSnapshot> read() {
        return cluster.configMap(NAMESPACE, NAME);
    }

    private static String configText(ConfigMapSnapshot cm) {
        String text = cm.data().get(CONFIG_KEY);
        if (text == null) {
            throw new InvalidInputException(Messages.get("strictarp.noConfigKey", NAMESPACE + "/" + NAME, CONFIG_KEY,
                    cm.data().keySet()));
        }
        return text;
    }
}
