package dev.lbctl.config;

/** A BFD profile (BFDProfile resource or ConfigMap {@code bfd-profiles} entry). Null numbers were not given. */
public record BfdProfileSpec(
        String name,
        Long receiveInterval,
        Long transmitInterval,
        Long detectMultiplier,
        Long echoInterval,
        boolean echoMode,
        boolean passiveMode,
        Long minimumTtl,
        Origin origin) {
}
