package dev.lbctl.pool;

import dev.lbctl.i18n.Messages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A MetalLB release number; validation and allocation rules differ by release. */
public record MetalLbVersion(int major, int minor, int patch) implements Comparable<MetalLbVersion> {

    public static final MetalLbVersion LATEST = new MetalLbVersion(0, 16, 1);

    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    public static MetalLbVersion parse(String text) throws InvalidAddressException {
        Matcher m = FORM.matcher(text.trim());
        if (!m.matches()) {
            throw new InvalidAddressException(Messages.get("pool.badVersion", text));
        }
        return new MetalLbVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public static MetalLbVersion of(int major, int minor, int patch) {
        return new MetalLbVersion(major, minor, patch);
    }

    public boolean atLeast(int major, int minor, int patch) {
        return compareTo(of(major, minor, patch)) >= 0;
    }

    public boolean below(int major, int minor, int patch) {
        return !atLeast(major, minor, patch);
    }

    /** v0.9 to v0.12 read the ConfigMap; v0.13 and later read CRDs only. */
    public boolean usesConfigMap() {
        return below(0, 13, 0);
    }

    @Override
    public int compareTo(MetalLbVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return "v" + major + "." + minor + "." + patch;
    }
}
