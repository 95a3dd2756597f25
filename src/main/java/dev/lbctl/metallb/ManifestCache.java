package dev.lbctl.metallb;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Downloaded manifests, kept as {@code <dir>/<version>/<file>}. Only verified bytes are stored, and a cached file is
 * verified again on every read: one whose sum no longer matches is discarded so that the caller fetches it anew.
 * The cache only saves downloads, so failing to write it never fails an install.
 */
public final class ManifestCache {

    private final Path directory;

    public ManifestCache(Path directory) {
        this.directory = directory;
    }

    /** {@code ~/.cache/lbctl/manifests}. */
    public static ManifestCache inUserHome() {
        return new ManifestCache(Path.of(System.getProperty("user.home"), ".cache", "lbctl", "manifests"));
    }

    Optional<byte[]> read(MetalLbRelease release, ReleaseFile file) {
        Path path = pathOf(release, file);
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(path);
            if (ManifestChecksum.matches(file, bytes)) {
                return Optional.of(bytes);
            }
            Files.delete(path);
        } catch (IOException e) {
            // An unreadable or undeletable entry is treated as missing; the download overwrites it.
        }
        return Optional.empty();
    }

    void store(MetalLbRelease release, ReleaseFile file, byte[] verifiedBytes) {
        Path path = pathOf(release, file);
        try {
            Files.createDirectories(path.getParent());
            // Write aside and move, so that a concurrent lbctl never reads half a file.
            Path partial = Files.createTempFile(path.getParent(), file.name(), ".partial");
            try {
                Files.write(partial, verifiedBytes);
                move(partial, path);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            // Read-only or full home directory: the next run downloads again.
        }
    }

    Path pathOf(MetalLbRelease release, ReleaseFile file) {
        return directory.resolve(release.tag()).resolve(file.name());
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
