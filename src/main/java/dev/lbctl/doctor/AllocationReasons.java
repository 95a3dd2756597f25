package dev.lbctl.doctor;

import dev.lbctl.i18n.Messages;
import dev.lbctl.pool.AddressPool;
import dev.lbctl.pool.IpAddress;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sorts MetalLB's allocation errors (the simulator's, byte for byte MetalLB's) into finding codes and fixes. */
final class AllocationReasons {

    private static final Pattern QUOTED = Pattern.compile("\"([0-9a-fA-F:.]+)\"");

    private AllocationReasons() {
    }

    static Code classify(String reason, List<AddressPool> pools) {
        if (reason.equals("pools are empty")) {
            return Code.NO_POOLS;
        }
        if (reason.startsWith("unknown pool")) {
            return Code.POOL_NOT_FOUND;
        }
        if (reason.startsWith("no available IPs in pool")) {
            return Code.POOL_EXHAUSTED;
        }
        if (reason.equals("no available IPs")) {
            if (pools.stream().noneMatch(AddressPool::autoAssign)) {
                return Code.NO_AUTO_ASSIGN_POOL;
            }
            // Every automatic pool is pinned to namespaces or Services this one is not: serviceAllocation.
            return pools.stream().filter(AddressPool::autoAssign).allMatch(p -> p.serviceAllocation().isPresent())
                    ? Code.SERVICE_ALLOCATION_MISMATCH : Code.POOL_EXHAUSTED;
        }
        if (reason.endsWith("is not allowed in config")) {
            Matcher m = QUOTED.matcher(reason);
            while (m.find()) {
                IpAddress ip = IpAddress.parse(m.group(1)).orElse(null);
                if (ip != null && pools.stream().noneMatch(p -> p.cidrs().stream().anyMatch(c -> c.contains(ip)))) {
                    return Code.IP_OUTSIDE_POOLS;
                }
            }
            return Code.SERVICE_ALLOCATION_MISMATCH;
        }
        if (reason.contains("not compatible for ip assignment")) {
            return Code.SERVICE_ALLOCATION_MISMATCH;
        }
        if (reason.contains("sharing key") || reason.contains("already in use")) {
            return Code.SHARING_CONFLICT;
        }
        if (reason.contains("ipFamily") || reason.contains("IPFamily")) {
            return Code.IP_FAMILY_MISMATCH;
        }
        return Code.ALLOCATION_FAILED;
    }

    static String fix(Code code, String namespace, String metallbNamespace) {
        return switch (code) {
            case NO_POOLS -> Messages.get("doctor.fix.noPools", metallbNamespace);
            case POOL_NOT_FOUND -> Messages.get("doctor.fix.poolNotFound", metallbNamespace);
            case POOL_EXHAUSTED -> Messages.get("doctor.fix.poolExhausted");
            case NO_AUTO_ASSIGN_POOL -> Messages.get("doctor.fix.noAutoAssign");
            case SERVICE_ALLOCATION_MISMATCH -> Messages.get("doctor.fix.serviceAllocation", namespace);
            case IP_OUTSIDE_POOLS -> Messages.get("doctor.fix.ipOutsidePools");
            case SHARING_CONFLICT -> Messages.get("doctor.fix.sharing");
            case IP_FAMILY_MISMATCH -> Messages.get("doctor.fix.ipFamily");
            default -> "kubectl -n " + namespace + " describe service NAME";
        };
    }
}
