package dev.lbctl.metallb;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** Where the manifests of a release come from. Every implementation verifies the sha256 before returning bytes. */
public interface ManifestSource {

    /** The bytes of one file of the release, verified against the catalog. */
    byte[] read(MetalLbRelease release, ReleaseFile file);

    /**
     * The source for {@code --manifests}: absent means upstream (through the cache), an http(s) URL a mirror laid out as
     * {@code <url>/<version>/<file>} (through the cache), anything else a local directory with the same layout.
     */
    static ManifestSource forOption(Optional<String> manifests, ManifestCache cache) {
        if (manifests.isEmpty()) {
            return HttpManifestSource.upstream(cache);
        }
        String value = manifests.get();
        if (value.startsWith("https://") || value.startsWith("http://")) {
            return HttpManifestSource.mirror(URI.create(value), cache);
        }
        return new LocalManifestDirectory(Path.of(value));
    }
}
