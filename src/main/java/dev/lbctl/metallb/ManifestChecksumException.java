package dev.lbctl.metallb;

import dev.lbctl.input.InvalidInputException;

/** A manifest whose bytes are not the ones lbctl pins for that release; it is never applied (exit code 3). */
public class ManifestChecksumException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ManifestChecksumException(String file, String origin, String expectedSha256, String actualSha256) {
        super(file + " from " + origin + " has sha256 " + actualSha256 + " but lbctl expects " + expectedSha256
                + ", so it was changed or corrupted and will not be applied.");
    }
}
