#!/usr/bin/env python3
"""lbctl testenv: supervisor of MetalLB's real speakers, one per dataplane node namespace.

The dataplane tier's nodes are KWOK nodes whose "host network" is a Linux network namespace. Once
MetalLB is installed (by `lbctl install` or `scripts/testenv apply-metallb`), this supervisor plays
the kubelet's part for the speaker DaemonSet:

* it waits until CRD ipaddresspools.metallb.io is Established, Secret `memberlist` exists (the
  controller creates it) and a Running speaker Pod (labels app=metallb, component=speaker) is bound
  to the node; then it writes the Secret's `secretkey` where the Pod would mount it and runs
  `ip netns exec <node namespace> speaker` with that Pod's name (the speaker reads its own Pod at
  start-up), Layer 2, memberlist on (bound to the node's LAN address, joining the other speaker
  Pods' IPs, which KWOK sets to their nodes' addresses since the Pods use the host network);
* it restarts a speaker that exits (with back-off), stops it when its Pod, the CRD or the Secret
  goes away (uninstall) or the Pod is replaced (rollout);
* while $STATE/run/speaker-<node>.hold exists it does not run that node's speaker
  (`scripts/testenv speaker NODE stop|kill` creates it, `... start` removes it).

`ip netns exec` (not nsenter) also mounts a /sys of the namespace, so the speaker sees the node's
interfaces (eth0) and nothing of the machine's. Each speaker has its own pid file
($STATE/pids/speaker-<node>.pid) and log ($STATE/logs/speaker-<node>.log).
"""

import argparse
import base64
import os
import signal
import time

from kapi import Api, ApiError, add_common_args, crd_established, log, spawn, terminate

NAME = "speaker-supervisor"
CRD = "ipaddresspools.metallb.io"
SPEAKER_LABELS = "app=metallb,component=speaker"


class Speaker:
    def __init__(self, sup, node, netns, ip):
        self.sup, self.node, self.netns, self.ip = sup, node, netns, ip
        self.child = None
        self.pod = None
        self.started = 0.0
        self.backoff = 1.0
        self.not_before = 0.0
        self.last_msg = None
        st = sup.a.state
        self.pidfile = os.path.join(st, "pids", f"speaker-{node}.pid")
        self.logfile = os.path.join(st, "logs", f"speaker-{node}.log")
        self.holdfile = os.path.join(st, "run", f"speaker-{node}.hold")

    def alive(self):
        return self.child is not None and self.child.poll() is None

    def say(self, msg):
        if msg != self.last_msg:
            log(NAME, f"{self.node}: {msg}")
        self.last_msg = msg

    def start(self, pod):
        a = self.sup.a
        cmd = ["ip", "netns", "exec", self.netns, a.speaker,
               f"--node-name={self.node}", f"--pod-name={pod}", f"--namespace={a.namespace}",
               f"--kubeconfig={a.kubeconfig}", "--port=7472", "--log-level=info",
               f"--ml-bindaddr={self.ip}", f"--ml-labels={SPEAKER_LABELS}",
               f"--ml-secret-key-path={self.sup.secret_dir}"]
        env = {"PATH": os.environ.get("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"),
               "METALLB_NODE_NAME": self.node, "METALLB_POD_NAME": pod, "METALLB_NAMESPACE": a.namespace}
        # `ip netns exec` execs the speaker in place: the child's pid is the speaker's.
        self.child = spawn(cmd, self.logfile, self.pidfile, a.speaker, env, start_new_session=True)
        self.pod, self.started, self.last_msg = pod, time.time(), None
        log(NAME, f"{self.node}: started speaker (pid {self.child.pid}) for pod {a.namespace}/{pod} in netns {self.netns}")

    def stop(self, why):
        if self.child is None:
            return
        if self.child.poll() is None:
            log(NAME, f"{self.node}: stopping speaker (pid {self.child.pid}): {why}")
        terminate(self.child, self.pidfile)
        self.child, self.pod = None, None

    def tick(self, ready, pods):
        now = time.time()
        if self.child is not None and self.child.poll() is not None:
            rc, ran = self.child.returncode, now - self.started
            self.stop("exited")
            if ran > 60:
                self.backoff = 1.0
            held = os.path.exists(self.holdfile)
            log(NAME, f"{self.node}: speaker exited with {rc} after {ran:.0f}s"
                      + ("; held, not restarting" if held else f"; restarting in {self.backoff:.0f}s if still wanted"))
            self.not_before = now + self.backoff
            self.backoff = min(self.backoff * 2, 30)
        pod = pods.get(self.node) if ready else None
        held = os.path.exists(self.holdfile)
        if self.alive():
            if held:
                self.stop(f"held by {self.holdfile}")
            elif pod is None:
                self.stop("speaker Pod, CRD or memberlist Secret is gone")
            elif pod != self.pod:
                self.stop(f"speaker Pod replaced by {pod}")
        if not self.alive():
            if held:
                self.say("held: not running the speaker (scripts/testenv speaker NODE start)")
            elif pod is None:
                self.say("waiting for MetalLB's CRDs, Secret memberlist and a Running speaker Pod on this node")
            elif now >= self.not_before:
                self.start(pod)


class Supervisor:
    def __init__(self, a):
        self.a = a
        self.api = Api(a.api, a.pki)
        self.stopping = False
        self.secret_dir = os.path.join(a.state, "speaker", "memberlist")
        self.speakers = []
        for spec in a.node:
            node, netns, ip = spec.split(",")
            self.speakers.append(Speaker(self, node, netns, ip))

    def crd_established(self):
        return crd_established(self.api, CRD)

    def sync_secret(self):
        """Writes Secret memberlist's key file (as the Pod's Secret volume would); False if missing."""
        secret = self.api.get(f"/api/v1/namespaces/{self.a.namespace}/secrets/memberlist")
        key = ((secret or {}).get("data") or {}).get("secretkey")
        if not key:
            return False
        data = base64.b64decode(key)
        os.makedirs(self.secret_dir, exist_ok=True)
        path = os.path.join(self.secret_dir, "secretkey")
        try:
            with open(path, "rb") as f:
                if f.read() == data:
                    return True
        except FileNotFoundError:
            pass
        with open(path + ".tmp", "wb") as f:
            f.write(data)
        os.chmod(path + ".tmp", 0o600)
        os.replace(path + ".tmp", path)
        log(NAME, f"wrote Secret {self.a.namespace}/memberlist's secretkey to {self.secret_dir}")
        return True

    def speaker_pods(self):
        """{node: newest Running speaker Pod name on it}"""
        q = "labelSelector=" + SPEAKER_LABELS.replace("=", "%3D").replace(",", "%2C")
        pods = self.api.get(f"/api/v1/namespaces/{self.a.namespace}/pods?{q}") or {}
        live = [p for p in pods.get("items", [])
                if not p["metadata"].get("deletionTimestamp") and p.get("status", {}).get("phase") == "Running"
                and p["spec"].get("nodeName")]
        live.sort(key=lambda p: p["metadata"]["creationTimestamp"])
        return {p["spec"]["nodeName"]: p["metadata"]["name"] for p in live}

    def tick(self):
        ready = self.crd_established() and self.sync_secret()
        pods = self.speaker_pods() if ready else {}
        for s in self.speakers:
            s.tick(ready, pods)

    def run(self):
        signal.signal(signal.SIGTERM, lambda *_: setattr(self, "stopping", True))
        signal.signal(signal.SIGINT, lambda *_: setattr(self, "stopping", True))
        for d in ("run", "pids", "logs"):
            os.makedirs(os.path.join(self.a.state, d), exist_ok=True)
        log(NAME, f"supervising {self.a.speaker} on nodes {', '.join(s.node for s in self.speakers)}")
        first = True
        while not self.stopping:
            try:
                self.tick()
                if first:
                    open(os.path.join(self.a.state, "run", "speaker-supervisor.ready"), "w").close()
                    first = False
            except (ApiError, OSError) as e:
                log(NAME, f"error: {e}")
            for _ in range(5):
                if self.stopping:
                    break
                time.sleep(0.1)
        for s in self.speakers:
            s.stop("supervisor stopping")
        log(NAME, "stopped")


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_common_args(p)
    p.add_argument("--state", required=True)
    p.add_argument("--namespace", default="metallb-system")
    p.add_argument("--speaker", required=True, help="MetalLB speaker binary")
    p.add_argument("--kubeconfig", required=True, help="kubeconfig reachable from inside the namespaces")
    p.add_argument("--node", action="append", required=True, help="NODE,NETNS,LAN_IP (repeat per node)")
    Supervisor(p.parse_args()).run()


if __name__ == "__main__":
    main()
