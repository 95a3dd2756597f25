package dev.lbctl.migrate;

import dev.lbctl.config.GoDuration;

/**
 * The three duration steps configmaptocrs applies to a peer's hold and keepalive times: Go's {@code time.ParseDuration},
 * truncation to whole seconds ({@code time.Duration(int(d.Seconds())) * time.Second}) and {@code Duration.String}.
 * Only text that the legacy validation accepted reaches here, so a malformed value is a programming error.
 */
final class GoDurations {

    private GoDurations() {
    }

    /** The duration as configmaptocrs writes it: parsed, truncated to seconds, formatted ("1m30s", "0s"). */
    static String wholeSeconds(String text) {
        try {
            return GoDuration.format(GoDuration.parse(text) / GoDuration.SECOND * GoDuration.SECOND);
        } catch (GoDuration.DurationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
