package dev.lbctl.kubeproxy;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * Undoes lbctl's strictARP fix and nothing else: a three-way merge of the text saved before the fix, the text the fix
 * wrote (recomputed, the fix is deterministic) and the live text. The lines the fix changed are put back as they were,
 * wherever they now are; every other edit made since stays. When those lines were themselves edited since, or putting
 * them back would change any other value, it refuses and shows the difference.
 */
public final class StrictArpRevert {

    static final String FIXED_LABEL = "as-lbctl-wrote-it/kube-system/kube-proxy/config.conf";

    private StrictArpRevert() {
    }

    /** Returns the live text with lbctl's change undone. */
    public static String revert(String before, String live) {
        String fixed = StrictArpPatch.enable(before);
        if (live.equals(fixed) || before.equals(fixed)) {
            return live.equals(fixed) ? before : live;
        }
        List<String> b = lines(before);
        List<String> f = lines(fixed);
        List<String> l = lines(live);
        int prefix = 0;
        while (prefix < b.size() && prefix < f.size() && b.get(prefix).equals(f.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < b.size() - prefix && suffix < f.size() - prefix
                && b.get(b.size() - 1 - suffix).equals(f.get(f.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> wrote = f.subList(prefix, f.size() - suffix);
        List<String> was = b.subList(prefix, b.size() - suffix);
        List<Integer> at = occurrences(l, wrote);
        if (at.size() > 1 && prefix > 0) {
            // Several identical lines: keep the one that still follows the line it followed when lbctl wrote it.
            String context = f.get(prefix - 1);
            at = at.stream().filter(i -> i > 0 && l.get(i - 1).equals(context)).toList();
        }
        if (at.size() != 1) {
            throw conflict(fixed, live);
        }
        List<String> merged = new ArrayList<>(l.subList(0, at.get(0)));
        merged.addAll(was);
        merged.addAll(l.subList(at.get(0) + wrote.size(), l.size()));
        String result = String.join("", merged);
        KubeProxyConfigText resultConfig;
        try {
            resultConfig = KubeProxyConfigText.parse(result);
        } catch (InvalidInputException e) {
            throw conflict(fixed, live);
        }
        KubeProxyConfigText liveConfig = KubeProxyConfigText.parse(live);
        if (resultConfig.strictArp() != KubeProxyConfigText.parse(before).strictArp()
                || !resultConfig.valuesWithoutStrictArp().equals(liveConfig.valuesWithoutStrictArp())) {
            throw conflict(fixed, live);
        }
        return result;
    }

    private static List<Integer> occurrences(List<String> lines, List<String> block) {
        List<Integer> found = new ArrayList<>();
        for (int i = 0; i + block.size() <= lines.size(); i++) {
            if (lines.subList(i, i + block.size()).equals(block)) {
                found.add(i);
            }
        }
        return found;
    }

    /** Lines with their terminators, so joining them gives the text back byte for byte. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static InvalidInputException conflict(String fixed, String live) {
        return new InvalidInputException(Messages.get("kubeProxy.editedSinceFix", KubeProxyConfigText.SOURCE)
                + "\n" + UnifiedDiff.of(fixed, live, FIXED_LABEL, StrictArpCheck.LIVE_LABEL));
    }
}
