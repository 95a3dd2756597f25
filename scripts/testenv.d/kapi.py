"""Minimal Kubernetes API client for the testenv helpers (standard library only).

Talks to the testenv's kube-apiserver on 127.0.0.1 (or, from a dataplane namespace, on its LAN
address 198.51.100.1) with the admin client certificate from the testenv's PKI folder. Nothing
else: no kubeconfig parsing, no other server.
"""

import http.server
import json
import os
import socketserver
import subprocess
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


def page_handler(name, server_name, info, respond):
    """An HTTP handler for a stand-in: GET and HEAD answer 200 with respond(info) -> (content_type, body, headers)."""

    class Handler(http.server.BaseHTTPRequestHandler):
        def version_string(self):
            return server_name

        def _answer(self, with_body):
            content_type, body, headers = respond(info)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            if with_body:
                self.wfile.write(body)

        def do_GET(self):  # noqa: N802 (http.server naming)
            self._answer(True)

        def do_HEAD(self):  # noqa: N802
            self._answer(False)

        def log_message(self, fmt, *args):
            log(name, f"{self.client_address[0]} -> {info['ip']}:{info['port']} {fmt % args}")

    return Handler


class QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def server_bind(self):
        # HTTPServer.server_bind() would call socket.getfqdn() on the bound IP: a reverse DNS query to the machine's
        # resolver, which is not on loopback. Bind without it.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]


def spawn(cmd, logfile, pidfile, binary, env, **popen):
    """Starts a supervised component: its output appended to logfile, '<pid> <binary>' in pidfile."""
    with open(logfile, "a") as out:
        out.write(f"==== {time.strftime('%Y-%m-%dT%H:%M:%S')} starting: {' '.join(cmd)}\n")
        out.flush()
        child = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env, **popen)
    with open(pidfile, "w") as f:
        f.write(f"{child.pid} {binary}\n")
    return child


def terminate(child, pidfile):
    """Stops a component started by spawn (SIGTERM, SIGKILL after 15 s) and removes its pid file."""
    if child.poll() is None:
        child.terminate()
        try:
            child.wait(timeout=15)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait()
    try:
        os.remove(pidfile)
    except FileNotFoundError:
        pass


def crd_established(api, name):
    """Whether the CRD exists, is not being deleted, and is Established."""
    crd = api.get(f"/apis/apiextensions.k8s.io/v1/customresourcedefinitions/{name}")
    if not crd or crd["metadata"].get("deletionTimestamp"):
        return False
    return any(c["type"] == "Established" and c["status"] == "True"
               for c in (crd.get("status") or {}).get("conditions") or [])
