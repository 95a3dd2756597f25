package dev.lbctl.metallb;

import java.net.URI;
import java.util.Objects;

/** One upstream manifest file of a release, with the sha256 lbctl pins for it. */
public record ReleaseFile(String name, URI upstreamUrl, String sha256) {

    public ReleaseFile {
        Objects.requireNonNull(upstreamUrl);
        // The name becomes part of cache, mirror and directory paths, so it may not contain separators or "..".
        if (name == null || !name.matches("[a-z0-9][a-z0-9.-]*\\.yaml")) {
            throw new IllegalArgumentException("not a plain manifest file name: " + name);
        }
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a sha256: " + sha256);
        }
    }
}
