package dev.lbctl.status;

import dev.lbctl.pool.MetalLbVersion;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The MetalLB release an image runs, read from its tag ({@code quay.io/metallb/controller:v0.16.1} is v0.16.1). */
public final class ImageVersion {

    /** The tag starts with a version; a suffix such as {@code -rc1} or {@code -amd64} is ignored. */
    private static final Pattern VERSION_TAG = Pattern.compile("v?(\\d{1,6})\\.(\\d{1,6})\\.(\\d{1,6})(?:[-+._].*)?");

    private ImageVersion() {
    }

    /** Empty when the image has no tag or its tag is not a version ({@code main}, {@code latest}, a commit). */
    public static Optional<MetalLbVersion> of(String image) {
        return tag(image).flatMap(tag -> {
            Matcher m = VERSION_TAG.matcher(tag);
            return m.matches() ? Optional.of(MetalLbVersion.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)))) : Optional.empty();
        });
    }

    /** The tag of an image reference; a digest ({@code @sha256:...}) and a registry port are not tags. */
    static Optional<String> tag(String image) {
        if (image == null || image.isBlank()) {
            return Optional.empty();
        }
        String ref = image.strip();
        int digest = ref.indexOf('@');
        if (digest >= 0) {
            ref = ref.substring(0, digest);
        }
        int colon = ref.lastIndexOf(':');
        return colon > ref.lastIndexOf('/') && colon < ref.length() - 1 ? Optional.of(ref.substring(colon + 1)) : Optional.empty();
    }
}
