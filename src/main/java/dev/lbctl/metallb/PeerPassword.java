package dev.lbctl.metallb;

/**
 * A BGP password read from a Secret at install time, for the ConfigMap format's plain {@code password:}. It never
 * shows in output or logs: {@link #toString()} names only where it came from.
 */
public final class PeerPassword {

    private final String secretName;
    private final String value;

    public PeerPassword(String secretName, String value) {
        this.secretName = secretName;
        this.value = value;
    }

    /** What --dry-run shows in place of the password, which only install reads. */
    public static PeerPassword placeholder(String secret) {
        return new PeerPassword(secret, "<the password key of Secret " + secret + ", read at install and never printed>");
    }

    /** The value, for the one place that writes it into the ConfigMap. */
    String value() {
        return value;
    }

    @Override
    public String toString() {
        return "password from Secret " + secretName;
    }
}
