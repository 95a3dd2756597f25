package dev.lbctl.input;

/**
 * Input the user gave us (a pool, a config file, a manifest, a Services file) that cannot be used. The message is one
 * sentence that names the file (where there is one), the line (where YAML gives one) and the value. Exit code 3.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
