#!/usr/bin/env python3
"""Patch a copy of MetalLB's source so that its controller listens on 127.0.0.1 only.

MetalLB v0.16.1's controller has no bind-host flag: metrics bind "0.0.0.0:<port>", the health probe
":<port>" and the webhook server ":9443" (all interfaces). This replaces exactly those three
addresses with 127.0.0.1 (the webhook port stays 9443 unless LBCTL_TESTENV_WEBHOOK_PORT is set) and
changes nothing else. It fails loudly if the upstream source does not look as expected.

usage: metallb-loopback.py SRC_DIR   (a writable copy of the go.universe.tf/metallb module; patched
in place. `go build -overlay` cannot be used: it refuses to replace files in the module cache.)
"""

import os
import sys

PATCHES = {
    "internal/k8s/k8s.go": [
        ('BindAddress:    fmt.Sprintf("0.0.0.0:%d", cfg.MetricsPort),',
         'BindAddress:    fmt.Sprintf("127.0.0.1:%d", cfg.MetricsPort), // lbctl-testenv: loopback only'),
        ("\t\tPort:    9443,\n",
         '\t\tHost:    "127.0.0.1", // lbctl-testenv: loopback only\n'
         "\t\tPort:    lbctlTestenvWebhookPort(),\n"),
    ],
    "controller/main.go": [
        ('HealthProbeBindAddress: fmt.Sprintf(":%d", *healthProbePort),',
         'HealthProbeBindAddress: fmt.Sprintf("127.0.0.1:%d", *healthProbePort), // lbctl-testenv: loopback only'),
    ],
}

APPEND = {
    "internal/k8s/k8s.go": '''
// lbctl-testenv: the webhook port, 9443 unless LBCTL_TESTENV_WEBHOOK_PORT says otherwise.
func lbctlTestenvWebhookPort() int {
	var p int
	if _, err := fmt.Sscanf(os.Getenv("LBCTL_TESTENV_WEBHOOK_PORT"), "%d", &p); err == nil && p > 0 {
		return p
	}
	return 9443
}
''',
}


def main():
    srcdir = sys.argv[1]
    for rel, subs in PATCHES.items():
        path = os.path.join(srcdir, rel)
        with open(path) as f:
            text = f.read()
        for old, new in subs:
            if text.count(old) != 1:
                sys.exit(f"metallb-loopback: expected exactly one {old!r} in {path}; upstream changed?")
            text = text.replace(old, new)
        text += APPEND.get(rel, "")
        with open(path, "w") as f:
            f.write(text)
    print(f"metallb-loopback: patched {', '.join(PATCHES)} (bind 127.0.0.1)")


if __name__ == "__main__":
    main()
