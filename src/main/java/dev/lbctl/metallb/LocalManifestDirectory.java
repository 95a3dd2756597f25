package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import dev.lbctl.input.YamlDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Manifests in a local directory laid out as {@code <dir>/<version>/<file>}, e.g. for air-gapped installs. */
public final class LocalManifestDirectory implements ManifestSource {

    private final Path directory;

    public LocalManifestDirectory(Path directory) {
        this.directory = directory;
    }

    @Override
    public byte[] read(MetalLbRelease release, ReleaseFile file) {
        Path path = directory.resolve(release.tag()).resolve(file.name());
        if (!Files.isRegularFile(path)) {
            throw new InvalidInputException(Messages.get("manifests.missingFile", directory, release.tag() + "/" + file.name(),
                    file.upstreamUrl()));
        }
        try {
            if (Files.size(path) > YamlDocuments.MAX_BYTES) {
                throw new InvalidInputException(Messages.get("manifests.fileTooLarge", path, YamlDocuments.MAX_BYTES));
            }
            return ManifestChecksum.verified(release, file, Files.readAllBytes(path), path.toString());
        } catch (IOException e) {
            throw new InvalidInputException(Messages.get("input.unreadable", path, e.getMessage()), e);
        }
    }

    @Override
    public String toString() {
        return Messages.get("manifests.directory", directory);
    }
}
