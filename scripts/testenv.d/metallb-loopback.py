#!/usr/bin/env python3
"""Write a `go build -overlay` that makes MetalLB's controller listen on 127.0.0.1 only.

MetalLB v0.16.1's controller has no bind-host flag: metrics bind "0.0.0.0:<port>", the health probe
":<port>" and the webhook server ":9443" (all interfaces). This replaces exactly those three
addresses with 127.0.0.1 (the webhook port stays 9443 unless LBCTL_TESTENV_WEBHOOK_PORT is set) and
changes nothing else. It fails loudly if the upstream source does not look as expected.

usage: metallb-overlay.py METALLB_MODULE_DIR OUT_DIR   (writes OUT_DIR/overlay.json)
"""

import json
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
    moddir, outdir = sys.argv[1], sys.argv[2]
    os.makedirs(outdir, exist_ok=True)
    replace = {}
    for rel, subs in PATCHES.items():
        src = os.path.join(moddir, rel)
        with open(src) as f:
            text = f.read()
        for old, new in subs:
            if text.count(old) != 1:
                sys.exit(f"metallb-overlay: expected exactly one {old!r} in {src}; upstream changed?")
            text = text.replace(old, new)
        text += APPEND.get(rel, "")
        dst = os.path.join(outdir, rel.replace("/", "__"))
        with open(dst, "w") as f:
            f.write(text)
        replace[src] = dst
    with open(os.path.join(outdir, "overlay.json"), "w") as f:
        json.dump({"Replace": replace}, f, indent=1)
    print(f"metallb-overlay: patched {', '.join(PATCHES)} (bind 127.0.0.1)")


if __name__ == "__main__":
    main()
