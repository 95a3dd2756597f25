package dev.lbctl.config;

import dev.lbctl.pool.Cidr;
import dev.lbctl.pool.GoQuote;
import dev.lbctl.pool.InvalidAddressException;
import dev.lbctl.pool.LabelSelector;
import dev.lbctl.pool.MetalLbAddresses;
import dev.lbctl.pool.MetalLbVersion;
import dev.lbctl.pool.ServiceAllocation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MetalLB's pool checks ({@code parseAddressPool} / {@code addressPoolFromCR} and the loop around them): name,
 * prefixes, address syntax, protocol (ConfigMap and AddressPool), serviceAllocation, duplicate names and overlapping
 * prefixes within and across pools. MetalLB stops at the first error; this goes on so every pool is reported.
 */
final class PoolRules {

    private PoolRules() {
    }

    /** Checks every pool and returns those that are not duplicates, with their parsed prefixes. */
    static List<CheckedPool> check(MetalLbConfig config, MetalLbVersion version, Problems problems) {
        List<CheckedPool> checked = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<Cidr> allCidrs = new ArrayList<>();
        for (int i = 0; i < config.poolSpecs().size(); i++) {
            PoolSpec spec = config.poolSpecs().get(i);
            String wrap = spec.kind() == PoolKind.CONFIGMAP_POOL
                    ? "parsing address pool #" + (i + 1) + ": "
                    : "parsing address pool " + spec.name() + ": ";
            Map<String, List<Cidr>> cidrsByAddress = cidrsOf(spec, version);
            for (String error : poolErrors(spec, config, version, cidrsByAddress, problems)) {
                problems.error(wrap + error, spec.name(), object(spec), spec.origin());
            }
            if (!names.add(spec.name())) {
                problems.error("duplicate definition of pool " + GoQuote.q(spec.name()), spec.name(), object(spec), spec.origin());
                continue;
            }
            CheckedPool pool = new CheckedPool(spec, cidrsByAddress);
            for (Cidr cidr : pool.cidrs()) {
                allCidrs.stream().filter(m -> GoFamily.overlaps(cidr, m)).findFirst().ifPresent(m -> problems.error(
                        "CIDR " + GoQuote.q(GoFamily.format(cidr)) + " in pool " + GoQuote.q(spec.name())
                                + " overlaps with already defined CIDR " + GoQuote.q(GoFamily.format(m)), spec.name(), object(spec),
                        spec.origin()));
                allCidrs.add(cidr);
            }
            checked.add(pool);
        }
        return checked;
    }

    private static String object(PoolSpec spec) {
        return switch (spec.kind()) {
            case CONFIGMAP_POOL -> "address pool " + GoQuote.q(spec.name());
            case IP_ADDRESS_POOL -> "IPAddressPool " + spec.name();
            case ADDRESS_POOL -> "AddressPool " + spec.name();
        };
    }

    /** The prefixes of each address entry that parses; entries that do not parse are left out. */
    private static Map<String, List<Cidr>> cidrsOf(PoolSpec spec, MetalLbVersion version) {
        Map<String, List<Cidr>> out = new LinkedHashMap<>();
        for (String address : spec.addresses()) {
            try {
                out.put(address, MetalLbAddresses.parse(address, version));
            } catch (InvalidAddressException e) {
                // reported by poolErrors
            }
        }
        return out;
    }

    /** The errors MetalLB's pool parser would raise for this pool, unwrapped, in MetalLB's order. */
    private static List<String> poolErrors(PoolSpec spec, MetalLbConfig config, MetalLbVersion version,
            Map<String, List<Cidr>> cidrsByAddress, Problems problems) {
        List<String> errors = new ArrayList<>();
        if (spec.name().isEmpty()) {
            errors.add("missing pool name");
        }
        // MetalLB tests the list as written, so a pool whose only range summarizes to nothing passes this check.
        if (spec.addresses().isEmpty()) {
            errors.add("pool has no prefixes defined");
        }
        for (String address : spec.addresses()) {
            try {
                MetalLbAddresses.parse(address, version);
            } catch (InvalidAddressException e) {
                if (!problems.firstInvalidAddress(spec.name(), address)) {
                    continue; // the BGP mode checks reported it already, as MetalLB meets it there first
                }
                errors.add("invalid CIDR " + GoQuote.q(address) + " in pool " + GoQuote.q(spec.name()) + ": " + e.getMessage());
            }
        }
        if (spec.kind().hasProtocol()) {
            errors.addAll(protocolErrors(spec, config, version, cidrsByAddress));
        }
        spec.serviceAllocation().ifPresent(allocation -> errors.addAll(serviceAllocationErrors(allocation, spec.name(), version)));
        return errors;
    }

    private static List<String> protocolErrors(PoolSpec spec, MetalLbConfig config, MetalLbVersion version,
            Map<String, List<Cidr>> cidrsByAddress) {
        String protocol = spec.protocol() == null ? "" : spec.protocol();
        return switch (protocol) {
            case "layer2" -> spec.bgpAdvertisements().isEmpty() ? List.of()
                    : List.of("cannot have bgp-advertisements configuration element in a layer2 address pool");
            case "bgp" -> LegacyBgpAdvertisementRules.errors(spec, cidrsByAddress, config.legacyCommunities(), version)
                    .stream().map(e -> "parsing BGP communities: " + e).toList();
            case "" -> List.of("address pool is missing the protocol field");
            default -> List.of("unknown protocol " + GoQuote.q(protocol));
        };
    }

    /** {@code addressPoolServiceAllocationsFromCR}. */
    private static List<String> serviceAllocationErrors(ServiceAllocation allocation, String pool, MetalLbVersion version) {
        List<String> errors = new ArrayList<>();
        if (new HashSet<>(allocation.namespaces()).size() != allocation.namespaces().size()) {
            errors.add("duplicate definition in namespaces field");
        }
        String namespaceSelectors = GoSelectors.firstDuplicate(allocation.namespaceSelectors(), "namespaceSelectors");
        if (namespaceSelectors != null) {
            errors.add(namespaceSelectors);
        }
        String serviceSelectors = GoSelectors.firstDuplicate(allocation.serviceSelectors(), "serviceSelectors");
        if (serviceSelectors != null) {
            errors.add(serviceSelectors);
        }
        for (LabelSelector s : allocation.namespaceSelectors()) {
            String error = KubeSelectorRules.error(s, version);
            if (error != null) {
                errors.add(error + "\ninvalid namespace label selector " + KubeSelectorRules.pointer(s) + " in ip pool " + pool);
            }
        }
        for (LabelSelector s : allocation.serviceSelectors()) {
            String error = KubeSelectorRules.error(s, version);
            if (error != null) {
                errors.add(error + "\ninvalid service label selector " + KubeSelectorRules.value(s) + " in ip pool " + pool);
            }
        }
        return errors;
    }
}
