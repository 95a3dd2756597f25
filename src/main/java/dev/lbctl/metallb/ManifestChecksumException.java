package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;

/** A manifest whose bytes are not the ones lbctl pins for that release; it is never applied (exit code 3). */
public class ManifestChecksumException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public ManifestChecksumException(String file, String origin, String expectedSha256, String actualSha256) {
        super(Messages.get("manifests.checksum", file, origin, actualSha256, expectedSha256));
    }
}
