package dev.lbctl.install;

import dev.lbctl.i18n.Sentence;
import dev.lbctl.inventory.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * Everything uninstall will do, decided from what it read before the first delete; {@code --dry-run} prints it.
 *
 * @param release the MetalLB release lbctl installed; empty when lbctl only added pools (or owns nothing here)
 * @param deletions lbctl's objects to delete, in order: pools and advertisements, webhooks, the rest, the namespace last
 * @param legacyConfig the new text of ConfigMap {@code config} without lbctl's pools (ConfigMap releases), if it changes
 * @param kept what lbctl created but keeps, each with the reason and the command to remove it by hand
 * @param metallbKept whether a MetalLB keeps running afterwards (lbctl did not install it)
 */
public record UninstallPlan(Optional<String> release, List<Deletion> deletions, Optional<LegacyConfigEdit> legacyConfig,
                            List<Kept> kept, boolean metallbKept) {

    public UninstallPlan {
        deletions = List.copyOf(deletions);
        kept = List.copyOf(kept);
    }

    /** @param waitUntilGone whether to wait for it to disappear (the namespace, whose deletion takes its contents) */
    public record Deletion(ObjectRef object, String apiVersion, boolean waitUntilGone) {
    }

    /** @param why why it stays: English in JSON (the same in every language), translated in the text */
    public record Kept(ObjectRef object, Sentence why, String command) {

        /** The reason in English, as JSON carries it. */
        public String reason() {
            return why.english();
        }
    }

    /** @param restoresOriginal whether the text is the user's own text from before lbctl's first install, byte for byte */
    public record LegacyConfigEdit(String namespace, String name, String text, boolean restoresOriginal) {
    }

    public boolean ownsNothing() {
        return deletions.isEmpty() && legacyConfig.isEmpty();
    }
}
