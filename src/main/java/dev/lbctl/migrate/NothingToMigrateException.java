package dev.lbctl.migrate;

/** The cluster has no legacy MetalLB configuration to convert (no ConfigMap, or one without its config key). */
public class NothingToMigrateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NothingToMigrateException(String message) {
        super(message);
    }
}
