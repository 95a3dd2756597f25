package dev.lbctl.install;

import dev.lbctl.cluster.Fields;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.MetalLbVersion;
import java.util.Map;
import java.util.Optional;

/** The MetalLB release an installed controller runs, read from its image tag (quay.io/metallb/controller:v0.16.1). */
public final class ControllerImage {

    private ControllerImage() {
    }

    @SuppressWarnings("unchecked")
    public static String of(Map<String, Object> deployment) {
        Map<String, Object> podSpec = Fields.map(Fields.map(Fields.map(deployment, "spec"), "template"), "spec");
        return Fields.list(podSpec, "containers").stream()
                .map(c -> (Map<String, Object>) c)
                .filter(c -> "controller".equals(c.get("name")) || String.valueOf(c.get("image")).contains("metallb/controller"))
                .map(c -> String.valueOf(c.get("image")))
                .findFirst().orElse("");
    }

    public static Optional<MetalLbVersion> version(String image) {
        int colon = image.lastIndexOf(':');
        if (colon < 0 || image.indexOf('/', colon) >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(MetalLbVersion.parse(image.substring(colon + 1)));
        } catch (InvalidAddressException | InvalidInputException e) {
            return Optional.empty(); // a tag like "main" names no release
        }
    }
}
