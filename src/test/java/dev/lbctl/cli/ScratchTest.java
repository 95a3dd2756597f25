package dev.lbctl.cli;

import dev.lbctl.SharedTestData;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void show() {
        String m = SharedTestData.shared().resolve("metallb").toString();
        CliRun run = CliRun.lbctl("install", "--dry-run", "-o", "yaml", "--manifests", m, "--pool", "lan=192.168.10.240-192.168.10.250",
                "--bgp-peer", "192.168.10.1", "--peer-asn", "64512", "--my-asn", "64513", "--metallb-version", "v0.12.1",
                "--bgp-community", "64512:100", "--node-selector", "rack=a", "--password-secret", "router-md5", "--hold-time", "90s");
        System.out.println("EXIT " + run.exitCode() + "\n" + run.out().substring(Math.max(0, run.out().length() - 1500)) + "\nERR " + run.err());
        run = CliRun.lbctl("install", "--dry-run", "--manifests", m, "--pool", "lan=192.168.10.240-192.168.10.250",
                "--bgp-peer", "192.168.10.1", "--peer-asn", "64512", "--my-asn", "64513", "--metallb-version", "v0.12.1", "--l2");
        System.out.println("EXIT " + run.exitCode() + "\n" + run.out() + "\nERR " + run.err());
    }
}
