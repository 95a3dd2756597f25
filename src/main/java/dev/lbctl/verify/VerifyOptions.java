package dev.lbctl.verify;

import java.time.Duration;
import java.util.Optional;

/**
 * What verify deploys and expects.
 *
 * @param requestedIp the address to ask MetalLB for ({@code --ip}); empty for any address
 * @param poolName the pool to take the address from ({@code --pool-name}); empty for MetalLB's choice
 * @param namespace where verify deploys; created (and deleted afterwards) when it does not exist, else left as it is
 */
public record VerifyOptions(
        Optional<String> requestedIp,
        Optional<String> poolName,
        String namespace,
        String image,
        int replicas,
        int port,
        Duration timeout,
        boolean keep) {

    public static final String DEFAULT_IMAGE = "nginx";

    /** Only the stock nginx image is known to serve its welcome page on port 80. */
    public boolean defaultImage() {
        return image.equals(DEFAULT_IMAGE) || image.startsWith(DEFAULT_IMAGE + ":");
    }
}
