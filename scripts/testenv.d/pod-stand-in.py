#!/usr/bin/env python3
"""lbctl testenv: pod stand-in of one dataplane node (runs inside the node's network namespace).

KWOK pods run no containers. In the dataplane tier everything on the way to a pod is real (ARP from
MetalLB's speaker, kube-proxy's nftables rules, routes between the nodes' pod CIDRs); this pod
stand-in is the only stand-in left on the path, and it stands in for the containers of the pods
bound to its node:

* for every Ready Pod on the node that does not use the host network, it puts the Pod's IP on the
  namespace's `lo` (as /32) and listens on each TCP containerPort (80 when none is declared);
* it answers HTTP 200: for an `nginx` image the nginx welcome page (`<title>Welcome to nginx!</title>`),
  which says plainly that it is the lbctl testenv pod stand-in; for other images a short text page.
  Headers `Server: lbctl-testenv-pod-stand-in`, `X-Lbctl-Pod: NS/NAME`, `X-Lbctl-Node: NODE`;
* when a Pod stops being Ready or goes away, it stops listening and removes the address.

It only ever adds addresses of 203.0.113.0/24 (the dataplane pod CIDRs) to `lo`, and only in its own
network namespace.
"""

import argparse
import ipaddress
import subprocess
import threading
import time
import urllib.parse

from kapi import Api, ApiError, QuietServer, add_common_args, log, page_handler

NAME = "pod-stand-in"
POD_NET = ipaddress.ip_network("203.0.113.0/24")

NGINX_PAGE = """<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>This is the lbctl testenv pod stand-in, not nginx: the request reached pod {ns}/{name}
(IP {ip}, port {port}) on node {node} through the real data path.</p>
</body>
</html>
"""
OTHER_PAGE = "lbctl testenv pod stand-in: pod {ns}/{name} (image {image}) on node {node}, {ip}:{port}\n"


def make_handler(info):
    def respond(i):
        page = NGINX_PAGE if i["nginx"] else OTHER_PAGE
        return ("text/html" if i["nginx"] else "text/plain", page.format(**i).encode(),
                {"X-Lbctl-Pod": f"{i['ns']}/{i['name']}", "X-Lbctl-Node": i["node"]})

    return page_handler(NAME, "lbctl-testenv-pod-stand-in", info, respond)


class Listener:
    def __init__(self, info):
        self.info = info
        self.server = QuietServer((info["ip"], info["port"]), make_handler(info))
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def ready(p):
    if p["metadata"].get("deletionTimestamp"):
        return False
    return any(c["type"] == "Ready" and c["status"] == "True" for c in (p.get("status") or {}).get("conditions") or [])


def in_pod_net(ip):
    try:
        return ipaddress.ip_address(ip) in POD_NET
    except ValueError:
        return False


def desired(api, node):
    """{(ip, port): info} for the node's Ready, non-host-network pods."""
    q = urllib.parse.urlencode({"fieldSelector": f"spec.nodeName={node}"})
    want = {}
    for p in api.get(f"/api/v1/pods?{q}")["items"]:
        spec, meta = p["spec"], p["metadata"]
        ip = p.get("status", {}).get("podIP")
        if spec.get("hostNetwork") or not ip or not ready(p) or not in_pod_net(ip):
            continue
        containers = spec.get("containers", [])
        image = containers[0].get("image", "") if containers else ""
        ports = sorted({cp["containerPort"] for c in containers for cp in c.get("ports", []) or []
                        if cp.get("protocol", "TCP") == "TCP"}) or [80]
        repo = image.split("@")[0].split("/")[-1].split(":")[0]  # e.g. docker.io/library/nginx:1.27 -> nginx
        for port in ports:
            want[(ip, port)] = {"ns": meta["namespace"], "name": meta["name"], "node": node, "ip": ip,
                                "port": port, "image": image, "nginx": repo == "nginx"}
    return want


def lo_addresses():
    out = subprocess.run(["ip", "-o", "-4", "addr", "show", "dev", "lo"], capture_output=True, text=True).stdout
    return {f.split("/")[0] for line in out.splitlines() for f in line.split()[3:4] if in_pod_net(f.split("/")[0])}


def set_address(ip, present):
    subprocess.run(["ip", "addr", "add" if present else "del", f"{ip}/32", "dev", "lo"],
                   capture_output=True, check=False)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_args(p)
    p.add_argument("--node", required=True)
    p.add_argument("--ready-file", required=True)
    p.add_argument("--interval", type=float, default=0.5)
    a = p.parse_args()
    api = Api(a.api, a.pki)
    listeners, failed, first = {}, {}, True
    log(NAME, f"standing in for the containers of the pods on node {a.node}")
    while True:
        try:
            want = desired(api, a.node)
        except (ApiError, OSError, KeyError) as e:
            log(NAME, f"error listing pods: {e}")
            time.sleep(a.interval)
            continue
        for key in list(listeners):
            info = listeners[key].info
            if key in want and (info["ns"], info["name"]) == (want[key]["ns"], want[key]["name"]):
                continue
            listeners.pop(key).close()
            log(NAME, f"stopped {info['ns']}/{info['name']} on {key[0]}:{key[1]}")
        ips = {ip for ip, _ in want}
        have = lo_addresses()
        for ip in have - ips:
            set_address(ip, False)
        for ip in ips - have:
            set_address(ip, True)
        for key, info in want.items():
            if key in listeners:
                continue
            try:
                listeners[key] = Listener(info)
                failed.pop(key, None)
                log(NAME, f"serving {info['ns']}/{info['name']} ({info['image']}) on {key[0]}:{key[1]}")
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
