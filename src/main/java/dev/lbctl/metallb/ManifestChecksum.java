package dev.lbctl.metallb;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Checks manifest bytes against the sha256 the release catalog pins. */
final class ManifestChecksum {

    private ManifestChecksum() {
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static boolean matches(ReleaseFile file, byte[] bytes) {
        return sha256(bytes).equals(file.sha256());
    }

    /** Returns the bytes when they are the pinned ones; {@code origin} says where they came from, for the message. */
    static byte[] verified(MetalLbRelease release, ReleaseFile file, byte[] bytes, String origin) {
        String actual = sha256(bytes);
        if (!actual.equals(file.sha256())) {
            throw new ManifestChecksumException(release.tag() + "/" + file.name(), origin, file.sha256(), actual);
        }
        return bytes;
    }
}
