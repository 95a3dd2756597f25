#!/usr/bin/env python3
"""lbctl testenv: a plain TCP forwarder (listen on one address, connect to another, copy bytes).

Used two ways:
* as a module by metallb-supervisor.py, which serves MetalLB's webhook Service on its ClusterIP in
  the dataplane cluster (kube-apiserver dials the ClusterIP; the controller listens on 127.0.0.1);
* as the process "lan-forwarder" of the dataplane tier: kube-apiserver listens on 127.0.0.1 only,
  and this forwarder makes it reachable on its LAN address (198.51.100.1) from the namespaces.

Both ends are given as IP literals: no name is ever resolved.
"""

import argparse
import os
import signal
import socket
import threading
import time


class Forwarder:
    """Listens on (listen_ip, listen_port) and copies every connection to (to_ip, to_port)."""

    def __init__(self, listen_ip, listen_port, to_ip, to_port):
        self.target = (to_ip, to_port)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((listen_ip, listen_port))
        self.sock.listen(128)
        self.address = (listen_ip, listen_port)
        self.closed = False
        self.conns = set()
        self.lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while not self.closed:
            try:
                client, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        try:
            upstream = socket.create_connection(self.target, timeout=5)
            upstream.settimeout(None)
        except OSError:
            client.close()
            return
        with self.lock:
            self.conns.update((client, upstream))
        t = threading.Thread(target=self._pipe, args=(upstream, client), daemon=True)
        t.start()
        self._pipe(client, upstream)
        t.join()
        with self.lock:
            self.conns.difference_update((client, upstream))
        client.close()
        upstream.close()

    @staticmethod
    def _pipe(src, dst):
        try:
            while True:
                data = src.recv(65536)
                if not data:
                    break
                dst.sendall(data)
        except OSError:
            pass
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def close(self):
        """Stops listening and cuts every open connection (as a vanished endpoint would)."""
        self.closed = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()
        with self.lock:
            for c in list(self.conns):
                try:
                    c.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass


def split(hostport):
    host, port = hostport.rsplit(":", 1)
    return host, int(port)


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--listen", required=True, help="IP:PORT to listen on")
    p.add_argument("--to", required=True, help="IP:PORT to connect to")
    p.add_argument("--ready-file")
    a = p.parse_args()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    fw = None
    while fw is None and not stop.is_set():
        try:
            fw = Forwarder(*split(a.listen), *split(a.to))
        except OSError as e:  # the address may not be up yet
            print(f"[lan-forwarder {time.strftime('%H:%M:%S')}] cannot listen on {a.listen}: {e}", flush=True)
            stop.wait(1)
    if fw is None:
        return
    print(f"[lan-forwarder {time.strftime('%H:%M:%S')}] forwarding {a.listen} -> {a.to}", flush=True)
    if a.ready_file:
        open(a.ready_file, "w").close()
    stop.wait()
    fw.close()
    if a.ready_file and os.path.exists(a.ready_file):
        os.remove(a.ready_file)


if __name__ == "__main__":
    main()
