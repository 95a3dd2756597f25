#!/usr/bin/env python3
"""The router's forwarding table: what zebra does for a real BGP router, for GoBGP.

GoBGP keeps the routes it learns in its RIB only; it programs no kernel routes. This process runs
inside the router's network namespace and, every half second, makes the namespace's kernel routes
of protocol "bgp" equal to GoBGP's RIB: one route per prefix, with every path's next hop (ECMP, as
a router with multipath does), and removes routes that were withdrawn. Packets from the client that
are routed through the router then really follow what the speakers announced.
"""
import argparse
import json
import subprocess
import sys
import time


def log(msg):
    print(f"[router-fib {time.strftime('%H:%M:%S')}] {msg}", flush=True)


def rib(gobgp, api_host, api_port):
    """prefix -> sorted next hops, from `gobgp -j global rib` (IPv4 unicast)."""
    out = subprocess.run([gobgp, "-u", api_host, "-p", api_port, "-j", "global", "rib"],
                         capture_output=True, text=True, timeout=10, check=True).stdout
    doc = json.loads(out) if out.strip() else {}
    routes = {}
    for prefix, paths in (doc or {}).items():
        hops = set()
        for path in paths:
            if path.get("withdrawal"):
                continue
            for attr in path.get("attrs", []):
                if attr.get("nexthop"):
                    hops.add(attr["nexthop"])
        if hops:
            routes[prefix] = sorted(hops)
    return routes


def kernel_routes():
    """prefix -> sorted next hops of this namespace's routes with protocol bgp (all of them ours).
    Not filtered by device: `ip route show dev` leaves multipath routes out."""
    out = subprocess.run(["ip", "-j", "-4", "route", "show", "proto", "bgp"],
                         capture_output=True, text=True, timeout=10, check=True).stdout
    routes = {}
    for r in json.loads(out or "[]"):
        dst = r["dst"] if "/" in r["dst"] else r["dst"] + "/32"
        hops = [h["gateway"] for h in r.get("nexthops", [])] or [r.get("gateway")]
        routes[dst] = sorted(h for h in hops if h)
    return routes


def install(prefix, hops, dev):
    cmd = ["ip", "route", "replace", prefix, "proto", "bgp"]
    if len(hops) == 1:
        cmd += ["via", hops[0], "dev", dev]
    else:
        for hop in hops:
            cmd += ["nexthop", "via", hop, "dev", dev]
    subprocess.run(cmd, check=True, timeout=10)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gobgp", required=True, help="the gobgp CLI")
    ap.add_argument("--api", required=True, help="gobgpd's gRPC API, HOST:PORT")
    ap.add_argument("--dev", default="eth0", help="the router's LAN interface")
    args = ap.parse_args()
    host, port = args.api.rsplit(":", 1)
    log(f"installing GoBGP's RIB as kernel routes (proto bgp) on {args.dev}")
    while True:
        try:
            want, have = rib(args.gobgp, host, port), kernel_routes()
            for prefix, hops in want.items():
                if have.get(prefix) != hops:
                    install(prefix, hops, args.dev)
                    log(f"{prefix} via {', '.join(hops)}")
            for prefix in have.keys() - want.keys():
                subprocess.run(["ip", "route", "del", prefix, "proto", "bgp"], check=True, timeout=10)
                log(f"{prefix} withdrawn")
        except (subprocess.SubprocessError, OSError, ValueError, KeyError) as e:
            log(f"will retry: {e}")
        time.sleep(0.5)


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(0)
