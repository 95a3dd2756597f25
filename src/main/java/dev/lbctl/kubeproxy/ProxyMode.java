package dev.lbctl.kubeproxy;

import dev.lbctl.i18n.Messages;
import dev.lbctl.input.InvalidInputException;

/** The {@code mode} of a KubeProxyConfiguration; only IPVS binds Service IPs to a node interface. */
public enum ProxyMode {
    /** {@code mode: ""} or no mode at all: kube-proxy on Linux then runs iptables. */
    DEFAULT(""),
    IPTABLES("iptables"),
    IPVS("ipvs"),
    NFTABLES("nftables"),
    /** The Windows proxier. */
    KERNELSPACE("kernelspace");

    private final String configValue;

    ProxyMode(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static ProxyMode fromConfigValue(String value, String source) {
        for (ProxyMode mode : values()) {
            if (mode.configValue.equals(value)) {
                return mode;
            }
        }
        throw new InvalidInputException(Messages.get("kubeProxy.unknownMode", source, value));
    }
}
