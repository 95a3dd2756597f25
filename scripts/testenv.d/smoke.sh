#!/usr/bin/env bash
# Smoke test of a testenv tier: scripts/testenv smoke [api|workloads|metallb|dataplane] (the tier must be up).
# Run by scripts/testenv with KUBECTL, KC, STATE, METALLB_NS, SHARED and SELF exported.
# Each tier also runs the checks of the tiers below it. Prints "N passed, N failed" at the end.
set -euo pipefail

TIER=${1:-api}
NS=lbctl-testenv-smoke
PASS=0
FAIL=0

log() { printf '[smoke %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
ok() { PASS=$((PASS + 1)); log "PASS: $*"; }
bad() { FAIL=$((FAIL + 1)); log "FAIL: $*"; }
# check OK_MSG BAD_MSG CMD...: PASS or FAIL on the outcome of CMD.
check() {
  local okm=$1 badm=$2; shift 2
  if "$@"; then ok "$okm"; else bad "$badm"; fi
}
kc() { "$KUBECTL" --kubeconfig "$KC" "$@"; }
# poll TIMEOUT_S CMD...: retry CMD every 0.5 s until it succeeds or TIMEOUT_S passed.
poll() {
  local t=$1 start; shift
  start=$(date +%s)
  until "$@" >/dev/null 2>&1; do
    (($(date +%s) - start < t)) || return 1
    sleep 0.5
  done
}

# Every listening socket of every testenv process must be on 127.0.0.1 (or another loopback address
# of 127.0.0.0/8, which is where the data-plane stand-in listens).
check_loopback_only() {
  local f pid pids=() bad_socks
  for f in "$STATE"/pids/*.pid; do
    [[ -f $f ]] || continue
    read -r pid _ <"$f"
    pids+=("$pid")
  done
  if ! command -v ss >/dev/null; then log "ss not installed: socket check skipped"; return 0; fi
  local re; re=$(printf 'pid=%s,|' "${pids[@]}"); re=${re%|}
  # The dataplane cluster's lan-forwarder also listens on kube-apiserver's LAN address, for the nodes'
  # namespaces (their own sockets are not in this namespace, so ss does not list them here).
  local mine='127\.[0-9.]+' peers='127\.[0-9.]+' where="127.0.0.0/8"
  if [[ ${LBCTL_TESTENV_CLUSTER:-} == dataplane ]]; then
    mine='(127\.[0-9.]+|198\.51\.100\.1)' peers='(127\.[0-9.]+|198\.51\.100\.[0-9]+)' where="127.0.0.0/8 or 198.51.100.1"
  fi
  bad_socks=$(ss -Hltnp 2>/dev/null | grep -E "$re" | awk '{print $4}' | grep -vE "^$mine:" || true)
  if [[ -z $bad_socks ]]; then
    ok "all $(ss -Hltnp | grep -cE "$re") listening sockets of ${#pids[@]} testenv processes are on $where"
  else
    bad "sockets not on $where: $bad_socks"
  fi
  # Every TCP connection (any state) and UDP socket of these processes: both ends on loopback (or the LAN).
  bad_socks=$({ ss -Htanp; ss -Huanp; } 2>/dev/null | grep -E "$re" | awk '{print $4, $5}' |
    grep -vE "^$mine:[0-9]+ ($peers:[0-9]+|0\.0\.0\.0:\*|\*:\*)$" || true)
  if [[ -z $bad_socks ]]; then
    ok "all TCP connections and UDP sockets of the testenv processes stay on $([[ $where == 127* && ${#where} -lt 12 ]] && echo "loopback" || echo "loopback and the dataplane LAN")"
  else
    bad "traffic off loopback and the LAN: $bad_socks"
  fi
}

smoke_api() {
  local v
  v=$(kc get --raw /version | python3 -c 'import json,sys; print(json.load(sys.stdin)["gitVersion"])')
  check "/version says $v" "/version says $v" test "${v#v1.36.}" != "$v"
  v=$(kc version --client -o json | python3 -c 'import json,sys; print(json.load(sys.stdin)["clientVersion"]["gitVersion"])')
  check "kubectl client is $v" "kubectl client is $v" test "${v#v1.36.}" != "$v"
  # Without controllers (api tier) a namespace never finishes deleting: use a fresh name each run.
  local ns; ns=$NS-api-$(date +%s)
  local cm out
  cm="apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: $ns}
data: {a: \"2\"}"
  kc create namespace "$ns" >/dev/null
  kc -n "$ns" create configmap c --from-literal=a=1 >/dev/null
  if out=$(kc apply --server-side -f - <<<"$cm" 2>&1); then
    bad "server-side apply over another manager's field did not conflict"
  else
    check "server-side apply conflict reported: $(head -n1 <<<"$out")" "unexpected error: $out" grep -q conflict <<<"$out"
  fi
  kc apply --server-side --force-conflicts -f - <<<"$cm" >/dev/null
  check "server-side apply --force-conflicts took over .data.a" "server-side apply failed" \
    test "$(kc -n "$ns" get configmap c -o jsonpath='{.data.a}')" = 2
  kc delete namespace "$ns" --wait=false >/dev/null
  check_loopback_only
}

smoke_workloads() {
  kc delete namespace "$NS" --ignore-not-found --wait=false >/dev/null
  poll 90 bash -c "! '$KUBECTL' --kubeconfig '$KC' get namespace '$NS'" || true
  kc create namespace "$NS" >/dev/null
  poll 30 kc -n "$NS" get serviceaccount default || true
  kc -n "$NS" apply -f - >/dev/null <<'EOF'
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27}]
---
apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers: [{name: agent, image: busybox:1.36}]
EOF
  if kc -n "$NS" rollout status deployment/web --timeout=120s >/dev/null &&
    [[ $(kc -n "$NS" get deployment web -o jsonpath='{.status.readyReplicas}') == 2 ]]; then
    ok "Deployment web: 2/2 ready replicas"
  else
    bad "Deployment web not ready: $(kc -n "$NS" get deployment web -o jsonpath='{.status}')"
  fi
  if kc -n "$NS" rollout status daemonset/agent --timeout=120s >/dev/null; then
    local nodes
    nodes=$(kc -n "$NS" get pods -l app=agent -o jsonpath='{range .items[*]}{.spec.nodeName}{"\n"}{end}' | sort -u | tr '\n' ' ')
    check "DaemonSet agent ready on $nodes" "DaemonSet agent pods on: $nodes" test "$nodes" = "lbctl-node-1 lbctl-node-2 "
  else
    bad "DaemonSet agent not ready: $(kc -n "$NS" get daemonset agent -o jsonpath='{.status}')"
  fi
  local ips
  ips=$(kc -n "$NS" get pods -o jsonpath='{range .items[*]}{.status.podIP}{"\n"}{end}' | sort -u | tr '\n' ' ')
  if [[ -n ${ips// /} ]] && ! tr ' ' '\n' <<<"$ips" | grep -v '^$' | grep -qvE '^127\.'; then
    ok "pod IPs are loopback: $ips"
  else
    bad "pod IPs not all loopback: $ips"
  fi
  local start; start=$(date +%s)
  kc delete namespace "$NS" --wait=false >/dev/null
  if poll 120 bash -c "! '$KUBECTL' --kubeconfig '$KC' get namespace '$NS'"; then
    ok "namespace $NS deleted completely in $(($(date +%s) - start))s"
  else
    bad "namespace $NS still there after 120 s: $(kc get namespace "$NS" -o jsonpath='{.status}')"
  fi
}

pool() { # pool NAME RANGE [create|apply args...]
  local name=$1 range=$2; shift 2
  kc "$@" -f - <<EOF
apiVersion: metallb.io/v1beta1
kind: IPAddressPool
metadata: {name: $name, namespace: $METALLB_NS}
spec: {addresses: ["$range"]}
EOF
}

webhook_served() { pool lbctl-testenv-webhook-probe 127.0.0.254/32 apply --dry-run=server; }

# A fresh namespace with Deployment web (REPLICAS nginx pods) behind LoadBalancer Service web; prints the Service's
# external IP once MetalLB assigned one (nothing when it did not within a minute).
web_behind_loadbalancer() { # web_behind_loadbalancer NAMESPACE REPLICAS
  local ns=$1 replicas=$2
  kc delete namespace "$ns" --ignore-not-found --wait=false >/dev/null
  poll 90 bash -c "! '$KUBECTL' --kubeconfig '$KC' get namespace '$ns'" || true
  kc create namespace "$ns" >/dev/null
  poll 30 kc -n "$ns" get serviceaccount default || true
  kc -n "$ns" apply -f - >/dev/null <<EOF
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: $replicas
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: nginx, image: nginx:1.27, ports: [{containerPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: LoadBalancer
  selector: {app: web}
  ports: [{port: 80, targetPort: 80}]
EOF
  poll 60 bash -c "'$KUBECTL' --kubeconfig '$KC' -n '$ns' get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}' | grep -q ." || true
  kc -n "$ns" get svc web -o jsonpath='{.status.loadBalancer.ingress[0].ip}'
}

smoke_metallb() {
  local out
  "$SELF" metallb-controller pause
  if ! kc get crd ipaddresspools.metallb.io >/dev/null 2>&1; then
    "$SELF" apply-metallb --no-wait
  fi
  poll 60 kc wait --for=condition=Established crd/ipaddresspools.metallb.io --timeout=5s || bad "MetalLB CRDs not Established"
  poll 120 bash -c "'$KUBECTL' --kubeconfig '$KC' -n '$METALLB_NS' get pods -l component=controller -o jsonpath='{.items[*].status.phase}' | grep -q Running" ||
    bad "no Running controller Pod (KWOK)"
  if out=$(pool lbctl-testenv-smoke 127.0.0.240-127.0.0.250 create 2>&1); then
    bad "IPAddressPool was accepted although the webhook is not served"
    kc -n "$METALLB_NS" delete ipaddresspool lbctl-testenv-smoke >/dev/null
  elif grep -q 'failed calling webhook' <<<"$out"; then
    ok "IPAddressPool refused while the webhook is not served: $(tail -n1 <<<"$out" | cut -c1-220)"
  else
    bad "IPAddressPool refused, but not by the webhook: $out"
  fi
  "$SELF" metallb-controller resume
  local start; start=$(date +%s)
  if poll 180 webhook_served; then
    ok "webhook served $(($(date +%s) - start))s after the controller was resumed"
  else
    bad "webhook not served after 180 s: $(webhook_served 2>&1 | tail -n1)"
  fi
  if out=$(pool lbctl-testenv-smoke 127.0.0.240-127.0.0.250 apply 2>&1); then
    ok "IPAddressPool lbctl-testenv-smoke 127.0.0.240-127.0.0.250 created"
  else
    bad "IPAddressPool not created: $out"
  fi
  if out=$(pool lbctl-testenv-overlap 127.0.0.245/32 create --dry-run=server 2>&1); then
    bad "overlapping IPAddressPool accepted"
  else
    ok "MetalLB's webhook denies an overlapping pool: $(tail -n1 <<<"$out" | cut -c1-200)"
  fi
  kc apply -f - >/dev/null <<EOF
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: lbctl-testenv-smoke, namespace: $METALLB_NS}
spec: {ipAddressPools: [lbctl-testenv-smoke]}
EOF
  local ca secret_ca
  ca=$(kc get validatingwebhookconfiguration metallb-webhook-configuration -o jsonpath='{.webhooks[0].clientConfig.caBundle}')
  secret_ca=$(kc -n "$METALLB_NS" get secret metallb-webhook-cert -o jsonpath='{.data.ca\.crt}')
  check "webhook caBundle == Secret metallb-webhook-cert ca.crt" "caBundle does not match the webhook Secret" \
    test -n "$ca" -a "$ca" = "$secret_ca"
  check "Secret memberlist created by the controller" "no Secret memberlist" kc -n "$METALLB_NS" get secret memberlist -o name

  ip=$(web_behind_loadbalancer "$NS-lb" 1)
  check "Service web got $ip from MetalLB" "Service web got '$ip' (wanted 127.0.0.240)" test "$ip" = 127.0.0.240
  if kc -n "$NS-lb" get events --field-selector involvedObject.name=web,reason=IPAllocated -o jsonpath='{.items[*].source.component}' | grep -q metallb-controller; then
    ok "event IPAllocated from metallb-controller"
  else
    bad "no IPAllocated event"
  fi
  if [[ -n $ip ]] && poll 30 bash -c "curl -fsS --max-time 3 http://$ip:80/ | grep -q 'Welcome to nginx!'"; then
    out=$(curl -fsS --max-time 3 "http://$ip:80/")
    if grep -q '<title>Welcome to nginx!</title>' <<<"$out" && grep -q 'data-plane stand-in' <<<"$out"; then
      ok "curl http://$ip:80/ answers the stand-in's welcome page"
    else
      bad "unexpected page: $out"
    fi
  else
    bad "curl http://$ip:80/ does not answer"
  fi
  kc -n "$NS-lb" delete svc web >/dev/null
  if [[ -n $ip ]] && poll 15 bash -c "! curl -sS --max-time 2 http://$ip:80/"; then
    ok "stand-in stopped listening on $ip:80 after the Service was deleted"
  else
    bad "still answering on $ip:80 after the Service was deleted"
  fi
  check_loopback_only
  kc delete namespace "$NS-lb" --wait=false >/dev/null
  kc -n "$METALLB_NS" delete l2advertisement lbctl-testenv-smoke --ignore-not-found >/dev/null
  kc -n "$METALLB_NS" delete ipaddresspool lbctl-testenv-smoke --ignore-not-found >/dev/null
}

# The dataplane cluster: MetalLB on a LAN pool, nginx behind a LoadBalancer Service, then from the
# client namespace ARP answered by the announcing node's speaker and HTTP through kube-proxy to a
# pod stand-in. Leaves MetalLB installed; removes its own pool, advertisement and namespace.
smoke_dataplane() {
  local ns=$NS-dp ip="" node mac node_mac out name
  if ! kc get crd ipaddresspools.metallb.io >/dev/null 2>&1; then
    "$SELF" apply-metallb
  fi
  poll 180 webhook_served || bad "MetalLB's webhook is not served"
  if pool lbctl-testenv-smoke 198.51.100.240-198.51.100.250 apply >/dev/null 2>&1; then
    ok "IPAddressPool lbctl-testenv-smoke 198.51.100.240-198.51.100.250 created"
  else
    bad "IPAddressPool not created"
  fi
  kc apply -f - >/dev/null <<EOF
apiVersion: metallb.io/v1beta1
kind: L2Advertisement
metadata: {name: lbctl-testenv-smoke, namespace: $METALLB_NS}
spec: {ipAddressPools: [lbctl-testenv-smoke]}
EOF
  while read -r name _; do
    [[ -n $name ]] || continue
    if poll 90 bash -c "'$SELF' speaker '$name' status | grep -q running"; then
      ok "speaker runs in the namespace of $name: $("$SELF" speaker "$name" status)"
    else
      bad "no speaker on $name"
    fi
  done <<<"$DATAPLANE_NODES"
  ip=$(web_behind_loadbalancer "$ns" 2)
  check "Service web got $ip from MetalLB" "Service web got '$ip' (wanted 198.51.100.240)" test "$ip" = 198.51.100.240
  out=$(kc -n "$ns" get pods -o jsonpath='{range .items[*]}{.status.podIP}{" "}{end}')
  check "pod IPs are in the nodes' pod CIDRs: $out" "pod IPs: '$out'" grep -qE '^(203\.0\.113\.[0-9]+ )+$' <<<"$out"
  if poll 60 bash -c "ip netns exec '$CLIENT_NS' curl -fsS --max-time 3 http://$ip/ | grep -q 'pod stand-in'"; then
    out=$(ip netns exec "$CLIENT_NS" curl -sS -D - --max-time 3 "http://$ip/")
    if grep -q '<title>Welcome to nginx!</title>' <<<"$out" && grep -qi "^X-Lbctl-Pod: $ns/web-" <<<"$out"; then
      ok "from $CLIENT_NS, curl http://$ip/ is answered through kube-proxy by $(grep -i '^X-Lbctl-Pod' <<<"$out" | tr -d '\r')"
    else
      bad "unexpected answer: $out"
    fi
  else
    bad "curl http://$ip/ from $CLIENT_NS does not answer"
  fi
  poll 30 bash -c "'$KUBECTL' --kubeconfig '$KC' -n '$METALLB_NS' get servicel2statuses -l metallb.io/service-name=web,metallb.io/service-namespace=$ns -o jsonpath='{.items[0].status.node}' | grep -q ." || true
  node=$(kc -n "$METALLB_NS" get servicel2statuses -l "metallb.io/service-name=web,metallb.io/service-namespace=$ns" -o jsonpath='{.items[0].status.node}')
  mac=$(ip netns exec "$CLIENT_NS" ip neigh show "$ip" | sed -n 's/.* lladdr \([0-9a-f:]*\).*/\1/p')
  node_mac=""
  [[ -n $node ]] && node_mac=$(ip -n "$("$SELF" node-netns "$node")" link show eth0 | sed -n 's/.*link\/ether \([0-9a-f:]*\).*/\1/p')
  check "the client learned $ip at $mac = eth0 of $node, the node in ServiceL2Status" \
    "client MAC '$mac', ServiceL2Status node '$node' (eth0 MAC '$node_mac')" test -n "$mac" -a "$mac" = "$node_mac"
  out=$(ip netns exec "$CLIENT_NS" arping -c 1 -w 3 -I eth0 "$ip" 2>&1 || true)
  check "arping $ip from the client: answered by $node_mac" "arping: $out" grep -qi "$node_mac" <<<"$out"
  if kc -n "$ns" get events --field-selector involvedObject.name=web,reason=nodeAssigned -o jsonpath='{.items[*].message}' | grep -q "$node"; then
    ok "event nodeAssigned names $node"
  else
    bad "no nodeAssigned event naming '$node'"
  fi
  kc delete namespace "$ns" --wait=false >/dev/null
  kc -n "$METALLB_NS" delete l2advertisement lbctl-testenv-smoke --ignore-not-found >/dev/null
  kc -n "$METALLB_NS" delete ipaddresspool lbctl-testenv-smoke --ignore-not-found >/dev/null
}

case $TIER in
  api) smoke_api ;;
  workloads) smoke_api; smoke_workloads ;;
  metallb) smoke_api; smoke_workloads; smoke_metallb ;;
  dataplane) smoke_api; smoke_dataplane ;;
  *) echo "usage: scripts/testenv smoke [api|workloads|metallb|dataplane]" >&2; exit 2 ;;
esac
echo "$PASS passed, $FAIL failed"
((FAIL == 0))
