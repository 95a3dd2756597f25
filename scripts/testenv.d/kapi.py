"""Minimal Kubernetes API client for the testenv helpers (standard library only).

Talks to the testenv's kube-apiserver on 127.0.0.1 (or, from a dataplane namespace, on its LAN
address 198.51.100.1) with the admin client certificate from the testenv's PKI folder. Nothing
else: no kubeconfig parsing, no other server.
"""

import json
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


def log(name, *parts):
    print(f"[{name} {time.strftime('%H:%M:%S')}]", *parts, file=sys.stderr, flush=True)


LAN_API_IP = "198.51.100.1"  # the dataplane cluster's kube-apiserver on its LAN (scripts/testenv)


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body[:300]}")
        self.status = status


class Api:
    def __init__(self, server, pki):
        host = urllib.parse.urlparse(server).hostname
        if not host or not (host.startswith("127.") or host == LAN_API_IP):
            raise SystemExit(f"refusing API server {server!r}: neither loopback nor {LAN_API_IP}")
        self.server = server.rstrip("/")
        self.ctx = ssl.create_default_context(cafile=f"{pki}/ca.crt")
        self.ctx.load_cert_chain(f"{pki}/admin.crt", f"{pki}/admin.key")

    def request(self, method, path, body=None, content_type="application/json", timeout=10):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.server + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", content_type)
        req.add_header("Accept", "application/json")
        try:
            with urllib.request.urlopen(req, context=self.ctx, timeout=timeout) as resp:
                raw = resp.read()
                return json.loads(raw) if raw else None
        except urllib.error.HTTPError as e:
            raise ApiError(e.code, e.read().decode(errors="replace")) from None

    def get(self, path):
        """GET path; None when it does not exist."""
        try:
            return self.request("GET", path)
        except ApiError as e:
            if e.status == 404:
                return None
            raise

    def apply(self, path, obj, manager):
        """Server-side apply of obj at path (the object's own URL)."""
        q = urllib.parse.urlencode({"fieldManager": manager, "force": "true"})
        return self.request("PATCH", f"{path}?{q}", obj, content_type="application/apply-patch+yaml")


def add_common_args(parser):
    parser.add_argument("--api", required=True, help="https://127.0.0.1:PORT of kube-apiserver")
    parser.add_argument("--pki", required=True, help="folder with ca.crt, admin.crt, admin.key")
