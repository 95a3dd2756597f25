package dev.lbctl.pool;

/** A string that is not an address, CIDR or range; the message is one sentence naming the value. */
public class InvalidAddressException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidAddressException(String message) {
        super(message);
    }
}
