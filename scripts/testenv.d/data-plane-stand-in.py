#!/usr/bin/env python3
"""lbctl testenv: data-plane stand-in for LoadBalancer Services.

This testenv runs no speaker (ARP), no kube-proxy and no containers. What it has instead is this
stand-in: it polls the Services once a second and, for every LoadBalancer ingress IP that MetalLB's
controller allocated and every TCP port of the Service, listens on IP:port and answers HTTP 200 with
an nginx-like welcome page that says plainly that it is the lbctl testenv data-plane stand-in.

* It only ever binds addresses in 127.0.0.0/8 (the pools of lbctl's tests are loopback; Linux
  answers on the whole range without configuration). Any other ingress IP is skipped and logged.
* Like kube-proxy, it serves a Service only while the Service has a backend: a Ready Pod matching its
  selector (a Service without selector counts as served). Otherwise the port is closed, which is
  what a client of a Service without endpoints sees (connection refused).
* It stops listening as soon as the Service loses its IP, changes its ports, or is deleted.
"""

import argparse
import ipaddress
import threading
import time

from kapi import Api, ApiError, QuietServer, add_common_args, log, page_handler

NAME = "data-plane-stand-in"

PAGE = """<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>This is the lbctl testenv data-plane stand-in, not nginx: no packet reached a pod.</p>
<p>Service {ns}/{name}, LoadBalancer IP {ip}, port {port} ({backends} ready backend pod(s)).</p>
</body>
</html>
"""


def make_handler(info):
    return page_handler(NAME, "lbctl-testenv-data-plane-stand-in", info,
                        lambda i: ("text/html", PAGE.format(**i).encode(), {}))


class Listener:
    def __init__(self, ip, port, info):
        self.info = info
        self.server = QuietServer((ip, port), make_handler(info))
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def is_loopback(ip):
    try:
        return ipaddress.ip_address(ip) in ipaddress.ip_network("127.0.0.0/8")
    except ValueError:
        return False


def pod_ready(p):
    if p["metadata"].get("deletionTimestamp"):
        return False
    return any(c["type"] == "Ready" and c["status"] == "True" for c in (p.get("status") or {}).get("conditions") or [])


def desired(api):
    """{(ip, port): info} for every allocated loopback LoadBalancer IP and TCP port with a backend."""
    services = api.get("/api/v1/services")["items"]
    want, pods_by_ns, skipped = {}, None, set()
    for s in services:
        spec, meta = s["spec"], s["metadata"]
        if spec.get("type") != "LoadBalancer" or meta.get("deletionTimestamp"):
            continue
        ips = [i["ip"] for i in s.get("status", {}).get("loadBalancer", {}).get("ingress", []) or [] if i.get("ip")]
        if not ips:
            continue
        selector = spec.get("selector") or {}
        backends = 1
        if selector:
            if pods_by_ns is None:
                pods_by_ns = {}
                for p in api.get("/api/v1/pods")["items"]:
                    pods_by_ns.setdefault(p["metadata"]["namespace"], []).append(p)
            backends = sum(1 for p in pods_by_ns.get(meta["namespace"], [])
                           if pod_ready(p) and all((p["metadata"].get("labels") or {}).get(k) == v
                                                   for k, v in selector.items()))
        if backends == 0:
            continue
        for ip in ips:
            if not is_loopback(ip):
                skipped.add((meta["namespace"], meta["name"], ip))
                continue
            for port in spec.get("ports", []):
                if port.get("protocol", "TCP") != "TCP":
                    continue
                want[(ip, port["port"])] = {"ns": meta["namespace"], "name": meta["name"], "ip": ip,
                                            "port": port["port"], "backends": backends}
    return want, skipped


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_args(p)
    p.add_argument("--ready-file", required=True)
    p.add_argument("--interval", type=float, default=1.0)
    a = p.parse_args()
    api = Api(a.api, a.pki)
    listeners, warned, failed, first = {}, set(), {}, True
    log(NAME, "watching LoadBalancer Services (loopback ingress IPs only)")
    while True:
        try:
            want, skipped = desired(api)
        except (ApiError, OSError, KeyError) as e:
            log(NAME, f"error listing services: {e}")
            time.sleep(a.interval)
            continue
        for s in skipped - warned:
            log(NAME, f"NOT serving {s[0]}/{s[1]} on {s[2]}: not a loopback address")
        warned = skipped
        for key in list(listeners):
            info = listeners[key].info
            if key in want and (info["ns"], info["name"]) == (want[key]["ns"], want[key]["name"]):
                info.update(want[key])  # e.g. the backend count; the handler reads this dict
                continue
            listeners.pop(key).close()
            log(NAME, f"stopped listening on {key[0]}:{key[1]}")
        for key, info in want.items():
            if key in listeners:
                continue
            try:
                listeners[key] = Listener(key[0], key[1], info)
                failed.pop(key, None)
                log(NAME, f"listening on {key[0]}:{key[1]} for {info['ns']}/{info['name']}")
            except OSError as e:
                if failed.get(key) != str(e):
                    log(NAME, f"cannot listen on {key[0]}:{key[1]} for {info['ns']}/{info['name']}: {e}")
                failed[key] = str(e)
        if first:
            open(a.ready_file, "w").close()
            first = False
        time.sleep(a.interval)


if __name__ == "__main__":
    main()
