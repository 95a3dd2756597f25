package dev.lbctl.services;

/**
 * One entry of a Service's {@code spec.ports} as MetalLB's allocator sees it: protocol and port only, so TCP/53 and
 * UDP/53 are different ports.
 */
public record ServicePort(String protocol, int port) {

    /** MetalLB's {@code Port.String()}, used in its "port %s is already in use" message. */
    @Override
    public String toString() {
        return protocol + "/" + port;
    }
}
