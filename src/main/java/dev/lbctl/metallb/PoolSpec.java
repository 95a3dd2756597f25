package dev.lbctl.metallb;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pool as lbctl renders it into MetalLB configuration. Addresses are MetalLB's own strings (CIDRs and ranges) and are
 * validated elsewhere; this record only guards what rendering relies on.
 *
 * @param name a DNS-1123 label of at most 60 characters, so that the L2Advertisement name {@code <name>-l2} is one too
 */
public record PoolSpec(String name, List<String> addresses, boolean autoAssign, boolean avoidBuggyIps) {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,58}[a-z0-9])?");

    public PoolSpec {
        if (name == null || !DNS_LABEL.matcher(name).matches()) {
            throw new InvalidInputException(Messages.get("poolSpec.badName", name));
        }
        if (addresses == null || addresses.isEmpty()) {
            throw new InvalidInputException(Messages.get("poolSpec.noAddresses", name));
        }
        addresses = List.copyOf(addresses);
    }
}
