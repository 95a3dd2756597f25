package dev.lbctl.verify;

import java.time.Duration;
import java.util.Optional;

/**
 * What verify deploys and expects.
 *
 * @param requestedIp the address to ask MetalLB for ({@code --ip}); empty for any address
 * @param poolName the pool to take the address from ({@code --pool-name}); empty for MetalLB's choice
 * @param namespace where verify deploys; created (and deleted afterwards) when it does not exist, else left as it is
 * @param mode how MetalLB announces the pool: Layer 2 (verify finds the answering node) or BGP (verify reads what the
 *     speakers say they advertise)
 * @param http whether to fetch the page (from a machine that cannot reach the IP, e.g. not routed through the BGP
 *     peer, there is nothing to fetch)
 */
public record VerifyOptions(
        Optional<String> requestedIp,
        Optional<String> poolName,
        String namespace,
        String image,
        int replicas,
        int port,
        Duration timeout,
        boolean keep,
        Mode mode,
        boolean http) {

    public enum Mode { l2, bgp }

    public static final String DEFAULT_IMAGE = "nginx";

    /** Only the stock nginx image is known to serve its welcome page on port 80. */
    public boolean defaultImage() {
        return image.equals(DEFAULT_IMAGE) || image.startsWith(DEFAULT_IMAGE + ":");
    }
}
