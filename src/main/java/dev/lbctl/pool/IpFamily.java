package dev.lbctl.pool;

/** An address family, with the names MetalLB uses in its messages. */
public enum IpFamily {
    IPV4(32, "IPv4"),
    IPV6(128, "IPv6");

    private final int bits;
    private final String label;

    IpFamily(int bits, String label) {
        this.bits = bits;
        this.label = label;
    }

    public int bits() {
        return bits;
    }

    @Override
    public String toString() {
        return label;
    }
}
