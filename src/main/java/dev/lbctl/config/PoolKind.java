package dev.lbctl.config;

/** Which construct defined a pool; MetalLB words and checks them differently. */
public enum PoolKind {
    /** An entry of {@code address-pools} in the legacy ConfigMap; carries its own protocol. */
    CONFIGMAP_POOL,
    /** An IPAddressPool (v0.13+); announced only through L2Advertisements and BGPAdvertisements. */
    IP_ADDRESS_POOL,
    /** The deprecated AddressPool custom resource (v0.13.0 to v0.14.1); carries its own protocol like the ConfigMap. */
    ADDRESS_POOL;

    /** True for the kinds that name their protocol and so announce themselves. */
    public boolean hasProtocol() {
        return this != IP_ADDRESS_POOL;
    }
}
