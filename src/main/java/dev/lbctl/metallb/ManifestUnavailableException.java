package dev.lbctl.metallb;

/** A manifest could not be downloaded (network error, timeout, HTTP error status, oversized body). */
public class ManifestUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ManifestUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
