package dev.lbctl.status;

/** Cluster objects as the API server returns them (trimmed to what matters), for {@link FakeCluster}. */
public final class StatusFixtures {

    private StatusFixtures() {
    }

    public static String controller(String namespace, String name, String image, int readyReplicas, String... args) {
        StringBuilder argList = new StringBuilder();
        for (String a : args) {
            argList.append("\n            - ").append(a);
        }
        return """
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %s
                  namespace: %s
                  labels: {app: metallb, component: controller}
                spec:
                  replicas: 1
                  template:
                    metadata:
                      labels: {app: metallb, component: controller}
                    spec:
                      containers:
                        - name: controller
                          image: %s
                          args:%s
                          env:
                            - name: METALLB_ML_SECRET_NAME
                              value: memberlist
                            - name: METALLB_DEPLOYMENT
                              value: controller
                status:
                  replicas: 1
                  readyReplicas: %d
                """.formatted(name, namespace, image, argList.length() == 0 ? " []" : argList, readyReplicas);
    }

    public static String speaker(String namespace, String image, int ready, int desired) {
        return """
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata:
                  name: speaker
                  namespace: %s
                  labels: {app: metallb, component: speaker}
                spec:
                  template:
                    spec:
                      containers:
                        - name: speaker
                          image: %s
                status:
                  desiredNumberScheduled: %d
                  numberReady: %d
                """.formatted(namespace, image, desired, ready);
    }

    public static String secret(String namespace, String name) {
        return """
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: %s, namespace: %s}
                data: {secretkey: c2VjcmV0}
                """.formatted(name, namespace);
    }

    public static String webhook(String namespace, String service, boolean ready) {
        return """
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: %1$s, namespace: %2$s}
                spec: {type: ClusterIP, ports: [{port: 443, targetPort: 9443}]}
                ---
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: %1$s-abcde
                  namespace: %2$s
                  labels: {kubernetes.io/service-name: %1$s}
                addressType: IPv4
                endpoints:
                  - addresses: [10.244.0.7]
                    conditions: {ready: %3$s}
                """.formatted(service, namespace, ready);
    }

    public static String ipAddressPool(String namespace, String name, String... addresses) {
        return """
                ---
                apiVersion: metallb.io/v1beta1
                kind: IPAddressPool
                metadata:
                  name: %s
                  namespace: %s
                  uid: 0b7e0c9e-0000-4000-8000-000000000001
                  resourceVersion: "812"
                  creationTimestamp: "2026-01-01T00:00:00Z"
                  managedFields: [{manager: kubectl, operation: Apply}]
                spec:
                  addresses: [%s]
                  autoAssign: true
                  avoidBuggyIPs: false
                status:
                  assignedIPv4: 1
                  availableIPv4: 10
                """.formatted(name, namespace, String.join(", ", addresses));
    }

    public static String loadBalancer(String namespace, String name, String poolAnnotation, String... ips) {
        StringBuilder ingress = new StringBuilder();
        for (String ip : ips) {
            ingress.append("\n      - ip: ").append(ip);
        }
        return """
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: %s
                  namespace: %s
                  annotations: {%s}
                spec:
                  type: LoadBalancer
                  ports: [{port: 80, protocol: TCP}]
                status:
                  loadBalancer:
                    ingress:%s
                """.formatted(name, namespace, poolAnnotation == null ? "" : "metallb.io/ip-allocated-from-pool: " + poolAnnotation,
                ips.length == 0 ? " []" : ingress);
    }

    public static String event(String namespace, String service, String reason, String message, String lastTimestamp) {
        return """
                ---
                apiVersion: v1
                kind: Event
                metadata: {name: %2$s.%3$s, namespace: %1$s}
                involvedObject: {kind: Service, namespace: %1$s, name: %2$s}
                reason: %3$s
                message: '%4$s'
                lastTimestamp: "%5$s"
                """.formatted(namespace, service, reason, message.replace("'", "''"), lastTimestamp);
    }

    public static String l2Status(String namespace, String service, String serviceNamespace, String node) {
        return """
                ---
                apiVersion: metallb.io/v1beta1
                kind: ServiceL2Status
                metadata: {name: l2-%2$s, namespace: %1$s}
                status: {node: %4$s, serviceName: %2$s, serviceNamespace: %3$s, interfaces: [{name: eth0}]}
                """.formatted(namespace, service, serviceNamespace, node);
    }

    /** MetalLB v0.16.1 as metallb-native.yaml installs it, ready, with one pool and its webhook served. */
    public static String installedV0161() {
        return controller("metallb-system", "controller", "quay.io/metallb/controller:v0.16.1", 1, "--port=9120", "--log-level=info")
                + speaker("metallb-system", "quay.io/metallb/speaker:v0.16.1", 2, 2)
                + secret("metallb-system", "memberlist")
                + webhook("metallb-system", "metallb-webhook-service", true)
                + ipAddressPool("metallb-system", "lab", "127.0.0.240-127.0.0.250");
    }
}
