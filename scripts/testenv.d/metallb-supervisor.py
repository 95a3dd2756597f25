#!/usr/bin/env python3
"""lbctl testenv: supervisor of MetalLB's real controller, run out of cluster.

testenv does not install MetalLB: lbctl's tests do (`lbctl install`), and the testenv's own smoke
test uses `scripts/testenv apply-metallb`. Once the install is there, this supervisor plays the part
of the kubelet for the controller Deployment's pod:

* it waits until CRD ipaddresspools.metallb.io is Established and a controller Pod exists in the
  MetalLB namespace (KWOK marks it Running), then runs the controller binary with the testenv
  kubeconfig and --pod-name of that Pod (the controller reads its own Pod at start-up and exits
  without it); it restarts the controller with back-off when it exits, and stops it when the Pod or
  the CRD goes away (uninstall) or the Pod is replaced (rollout);
* like the kubelet's Secret volume, it copies the keys of Secret metallb-webhook-cert (filled by the
  controller's cert rotator) into the controller's cert dir: the rotator waits for tls.crt to appear
  there before the webhook server starts;
* it stands in for the EndpointSlice controller for Service metallb-webhook-service: it maintains
  one EndpointSlice whose only endpoint is 127.0.0.1:<webhook port>, ready exactly while the
  controller process runs and its /readyz answers (as a Pod's readiness probe would). kube-apiserver
  runs with --enable-aggregator-routing=true, so it calls the webhook on this endpoint (TLS server
  name metallb-webhook-service.<ns>.svc, which the controller's cert names). API validation refuses
  loopback IPs in IPv4 EndpointSlices (and Endpoints), so the slice has addressType FQDN with the
  address "127.0.0.1": the apiserver's resolver uses the address verbatim as the host to dial.
  The real endpoint controllers are disabled in this testenv (they would publish KWOK's fake pod IPs).
* in the dataplane cluster (--webhook-route clusterip) the EndpointSlice controller runs, so the
  Service's IPv4 slice holds the KWOK Pod's IP and aggregator routing would prefer it. There
  kube-apiserver runs without aggregator routing and calls the webhook on the Service's ClusterIP
  (a loopback address in that cluster), and this supervisor plays kube-proxy for it: it listens on
  ClusterIP:port and forwards to 127.0.0.1:<webhook port>, exactly while the controller is ready.

Every address used here is on loopback.
"""

import argparse
import base64
import os
import shutil
import signal
import time
import urllib.request

from kapi import Api, ApiError, add_common_args, crd_established, log, spawn, terminate
from tcpforward import Forwarder

NAME = "metallb-supervisor"
CRD = "ipaddresspools.metallb.io"
WEBHOOK_SERVICE = "metallb-webhook-service"
WEBHOOK_CERT_MOUNT = "/tmp/k8s-webhook-server/serving-certs"  # where the Deployment mounts the Secret
DEFAULT_WEBHOOK_SECRET = "metallb-webhook-cert"
SLICE_MANAGER = "lbctl-testenv"


class Supervisor:
    def __init__(self, args):
        self.a = args
        self.api = Api(args.api, args.pki)
        self.child = None
        self.child_pod = None
        self.child_started = 0.0
        self.backoff = 1.0
        self.not_before = 0.0
        self.last_slice = None
        self.last_slice_at = 0.0
        self.last_wait_msg = None
        self.stopping = False
        self.pidfile = os.path.join(args.state, "pids", "metallb-controller.pid")
        self.logfile = os.path.join(args.state, "logs", "metallb-controller.log")
        self.tmpdir = os.path.join(args.state, "metallb-controller")
        self.certdir = os.path.join(self.tmpdir, "k8s-webhook-server", "serving-certs")
        # While this file exists the controller is not run (to test a webhook that is not served).
        self.holdfile = os.path.join(args.state, "run", "metallb-controller.hold")
        self.forwarders = {}  # (clusterIP, port) -> Forwarder, for --webhook-route clusterip

    # --- cluster state -------------------------------------------------------------------------
    def crd_established(self):
        return crd_established(self.api, CRD)

    def controller_pod(self):
        """The newest live Pod of Deployment controller (labels app=metallb, component=controller)."""
        pods = self.api.get(f"/api/v1/namespaces/{self.a.namespace}/pods"
                            "?labelSelector=app%3Dmetallb%2Ccomponent%3Dcontroller")
        live = [p for p in (pods or {}).get("items", [])
                if not p["metadata"].get("deletionTimestamp")
                and p.get("status", {}).get("phase") == "Running"]
        live.sort(key=lambda p: p["metadata"]["creationTimestamp"])
        return live[-1] if live else None

    # --- the controller process ----------------------------------------------------------------
    def child_alive(self):
        return self.child is not None and self.child.poll() is None

    def start_child(self, pod):
        name = pod["metadata"]["name"]
        certdir = self.certdir
        # A new Pod gets a fresh Secret volume: drop what an earlier controller saw.
        shutil.rmtree(certdir, ignore_errors=True)
        self.sync_cert_volume(pod)
        env = dict(os.environ)
        env.update({
            "KUBECONFIG": self.a.kubeconfig,
            # controller-runtime's webhook server reads its certs from
            # $TMPDIR/k8s-webhook-server/serving-certs (it ignores --cert-dir, which only tells the
            # cert rotator where to write): keep both the same and inside the testenv state.
            "TMPDIR": self.tmpdir,
            "LBCTL_TESTENV_WEBHOOK_PORT": str(self.a.webhook_port),
            # As in the upstream Deployment's env.
            "METALLB_ML_SECRET_NAME": "memberlist",
            "METALLB_DEPLOYMENT": "controller",
        })
        cmd = [self.a.controller,
               f"--namespace={self.a.namespace}",
               f"--pod-name={name}",
               f"--port={self.a.metrics_port}",
               f"--health-probe-port={self.a.health_port}",
               f"--cert-dir={certdir}",
               "--log-level=info"]
        self.child = spawn(cmd, self.logfile, self.pidfile, self.a.controller, env)
        self.child_pod = name
        self.child_started = time.time()
        self.last_wait_msg = None
        log(NAME, f"started MetalLB controller (pid {self.child.pid}) for pod {self.a.namespace}/{name}")

    def stop_child(self, why):
        if self.child is None:
            return
        if self.child.poll() is None:
            log(NAME, f"stopping MetalLB controller (pid {self.child.pid}): {why}")
        terminate(self.child, self.pidfile)
        self.child = None
        self.child_pod = None

    def child_ready(self):
        if not self.child_alive():
            return False
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.a.health_port}/readyz", timeout=2) as r:
                return r.status == 200
        except OSError:
            return False

    # --- the kubelet's Secret volume for the webhook certs -----------------------------------------
    def sync_cert_volume(self, pod):
        secret_name = DEFAULT_WEBHOOK_SECRET
        mounts = {m["name"]: m["mountPath"] for c in pod["spec"].get("containers", [])[:1]
                  for m in c.get("volumeMounts", [])}
        for v in pod["spec"].get("volumes", []):
            if mounts.get(v["name"]) == WEBHOOK_CERT_MOUNT and "secret" in v:
                secret_name = v["secret"]["secretName"]
        secret = self.api.get(f"/api/v1/namespaces/{self.a.namespace}/secrets/{secret_name}")
        os.makedirs(self.certdir, exist_ok=True)
        for key, b64 in ((secret or {}).get("data") or {}).items():
            if "/" in key or key.startswith("."):
                continue
            data = base64.b64decode(b64)
            path = os.path.join(self.certdir, key)
            try:
                with open(path, "rb") as f:
                    if f.read() == data:
                        continue
            except FileNotFoundError:
                pass
            tmp = f"{path}.tmp"
            with open(tmp, "wb") as f:
                f.write(data)
            os.chmod(tmp, 0o600)
            os.replace(tmp, path)
            log(NAME, f"wrote {key} of Secret {self.a.namespace}/{secret_name} to {self.certdir}")

    # --- the webhook Service's EndpointSlice ----------------------------------------------------
    def sync_slice(self, pod):
        ns = self.a.namespace
        svc = self.api.get(f"/api/v1/namespaces/{ns}/services/{WEBHOOK_SERVICE}")
        if not svc or svc["metadata"].get("deletionTimestamp"):
            self.last_slice = None
            return  # the slice is owned by the Service: garbage collection removes it
        endpoints = []
        if pod is not None:
            ready = self.child_ready() and self.child_pod == pod["metadata"]["name"]
            ep = {
                "addresses": ["127.0.0.1"],
                "conditions": {"ready": ready, "serving": ready, "terminating": False},
                "targetRef": {"kind": "Pod", "namespace": ns, "name": pod["metadata"]["name"],
                              "uid": pod["metadata"]["uid"]},
            }
            if pod["spec"].get("nodeName"):
                ep["nodeName"] = pod["spec"]["nodeName"]
            endpoints.append(ep)
        name = f"{WEBHOOK_SERVICE}-{SLICE_MANAGER}"
        obj = {
            "apiVersion": "discovery.k8s.io/v1",
            "kind": "EndpointSlice",
            "metadata": {
                "name": name,
                "namespace": ns,
                "labels": {"kubernetes.io/service-name": WEBHOOK_SERVICE,
                           "endpointslice.kubernetes.io/managed-by": SLICE_MANAGER},
                "ownerReferences": [{"apiVersion": "v1", "kind": "Service", "name": WEBHOOK_SERVICE,
                                     "uid": svc["metadata"]["uid"], "controller": True,
                                     "blockOwnerDeletion": True}],
            },
            "addressType": "FQDN",
            "endpoints": endpoints,
            # Every Service port (443) is served by the webhook's loopback port; the port name must
            # equal the Service port's name ("") for kube-apiserver's endpoint resolver.
            "ports": [{"name": p.get("name", ""), "protocol": "TCP", "port": self.a.webhook_port}
                      for p in svc["spec"].get("ports", [])],
        }
        # Re-apply on change, and every 30 s in case someone deleted it.
        if obj == self.last_slice and time.time() - self.last_slice_at < 30:
            return
        self.api.apply(f"/apis/discovery.k8s.io/v1/namespaces/{ns}/endpointslices/{name}", obj, SLICE_MANAGER)
        if obj != self.last_slice:
            state = "no endpoint" if not endpoints else \
                f"127.0.0.1:{self.a.webhook_port} ready={endpoints[0]['conditions']['ready']}"
            log(NAME, f"EndpointSlice {ns}/{name}: {state}")
        self.last_slice, self.last_slice_at = obj, time.time()

    # --- the webhook Service's ClusterIP (dataplane cluster) ----------------------------------------
    def sync_clusterip(self, pod):
        svc = self.api.get(f"/api/v1/namespaces/{self.a.namespace}/services/{WEBHOOK_SERVICE}")
        want = set()
        if (svc and not svc["metadata"].get("deletionTimestamp") and pod is not None
                and self.child_ready() and self.child_pod == pod["metadata"]["name"]):
            ip = svc["spec"].get("clusterIP", "")
            if ip.startswith("127."):  # never listen anywhere but on loopback
                want = {(ip, p["port"]) for p in svc["spec"].get("ports", [])}
        for key in list(self.forwarders):
            if key not in want:
                self.forwarders.pop(key).close()
                log(NAME, f"webhook Service {key[0]}:{key[1]}: no ready endpoint, stopped forwarding")
        for key in want - set(self.forwarders):
            try:
                self.forwarders[key] = Forwarder(key[0], key[1], "127.0.0.1", self.a.webhook_port)
                log(NAME, f"webhook Service {key[0]}:{key[1]} -> 127.0.0.1:{self.a.webhook_port}")
            except OSError as e:
                log(NAME, f"cannot listen on {key[0]}:{key[1]}: {e}")

    # --- main loop ---------------------------------------------------------------------------
    def tick(self):
        now = time.time()
        if self.child is not None and self.child.poll() is not None:
            rc = self.child.returncode
            ran = now - self.child_started
            self.stop_child("exited")
            if ran > 60:
                self.backoff = 1.0
            log(NAME, f"MetalLB controller exited with {rc} after {ran:.0f}s; "
                      f"restarting in {self.backoff:.0f}s if still wanted (log: {self.logfile})")
            self.not_before = now + self.backoff
            self.backoff = min(self.backoff * 2, 30)
        crd = self.crd_established()
        pod = self.controller_pod() if crd else None
        held = os.path.exists(self.holdfile)
        if self.child_alive():
            if held:
                self.stop_child(f"held by {self.holdfile} (scripts/testenv metallb-controller pause)")
            elif not crd:
                self.stop_child(f"CRD {CRD} is gone")
            elif pod is None:
                self.stop_child("controller Pod is gone")
            elif pod["metadata"]["name"] != self.child_pod:
                self.stop_child(f"controller Pod replaced by {pod['metadata']['name']}")
        if not self.child_alive():
            if held:
                msg = "paused: not running the MetalLB controller (scripts/testenv metallb-controller resume)"
                if msg != self.last_wait_msg:
                    log(NAME, msg)
                self.last_wait_msg = msg
            elif crd and pod is not None:
                if now >= self.not_before:
                    self.start_child(pod)
            else:
                msg = (f"waiting for CRD {CRD} to be Established" if not crd else
                       f"waiting for a Running controller Pod in namespace {self.a.namespace}")
                if msg != self.last_wait_msg:
                    log(NAME, msg)
                self.last_wait_msg = msg
        if self.child_alive() and pod is not None:
            self.sync_cert_volume(pod)
        if self.a.webhook_route == "clusterip":
            self.sync_clusterip(pod)
        elif crd or self.last_slice is not None:
            self.sync_slice(pod)

    def run(self, ready_file):
        signal.signal(signal.SIGTERM, lambda *_: setattr(self, "stopping", True))
        signal.signal(signal.SIGINT, lambda *_: setattr(self, "stopping", True))
        os.makedirs(self.tmpdir, exist_ok=True)
        log(NAME, f"supervising {self.a.controller} for namespace {self.a.namespace}")
        first = True
        while not self.stopping:
            try:
                self.tick()
                if first:
                    open(ready_file, "w").close()
                    first = False
            except (ApiError, OSError) as e:
                log(NAME, f"error: {e}")
            for _ in range(10):
                if self.stopping:
                    break
                time.sleep(0.1)
        self.stop_child("supervisor stopping")
        log(NAME, "stopped")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_args(p)
    p.add_argument("--state", required=True)
    p.add_argument("--namespace", default="metallb-system")
    p.add_argument("--controller", required=True, help="MetalLB controller binary")
    p.add_argument("--kubeconfig", required=True)
    p.add_argument("--metrics-port", type=int, required=True)
    p.add_argument("--health-port", type=int, required=True)
    p.add_argument("--webhook-port", type=int, required=True)
    p.add_argument("--webhook-route", choices=["endpointslice", "clusterip"], default="endpointslice",
                   help="how kube-apiserver reaches the webhook (see the module doc)")
    a = p.parse_args()
    Supervisor(a).run(os.path.join(a.state, "run", "metallb-supervisor.ready"))


if __name__ == "__main__":
    main()
