package dev.lbctl.it.differential;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What MetalLB's controller did to the test's Services: their ingress IPs and pool annotation, and the events its
 * controller ({@code metallb-controller}) emitted for them, by Service UID.
 *
 * <p>One watch on the labelled Services and one on Events per namespace feed it; a closed watch is reopened. Waiting
 * does not trust the watches alone: every second without an answer it also reads the Service and lists its events
 * (field selector {@code involvedObject.uid}), so a lost watch costs a second, not the run.
 */
public final class MetalLbObserver implements AutoCloseable {

    public static final String POOL_ANNOTATION = "metallb.io/ip-allocated-from-pool";
    private static final String SOURCE = "metallb-controller";

    /** One event of MetalLB's controller about a Service, in the order first seen. */
    public record MetalLbEvent(String reason, String message) {
    }

    /** A Service as last seen, and MetalLB's events about it so far. */
    public record Snapshot(boolean exists, List<String> ips, String pool, List<MetalLbEvent> events) {

        public boolean assigned() {
            return !ips.isEmpty();
        }

        /** The message of the first AllocationFailed event, or null. */
        public String firstFailure() {
            return events.stream().filter(e -> e.reason().equals("AllocationFailed")).map(MetalLbEvent::message)
                    .findFirst().orElse(null);
        }

        public boolean has(String reason, String messagePrefix) {
            return events.stream().anyMatch(e -> e.reason().equals(reason) && e.message().startsWith(messagePrefix));
        }
    }

    private final KubernetesClient kube;
    private final String label;
    private final List<String> namespaces;
    private final Object lock = new Object();
    private final Map<String, Service> services = new HashMap<>();
    /** Service UID to event object name to event. */
    private final Map<String, LinkedHashMap<String, MetalLbEvent>> events = new HashMap<>();
    private final List<Watch> watches = new ArrayList<>();
    private volatile boolean closed;

    public MetalLbObserver(KubernetesClient kube, String label, List<String> namespaces) {
        this.kube = kube;
        this.label = label;
        this.namespaces = List.copyOf(namespaces);
        namespaces.forEach(ns -> {
            watchServices(ns);
            watchEvents(ns);
        });
    }

    private void watchServices(String namespace) {
        open(() -> kube.services().inNamespace(namespace).withLabel(label).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Service service) {
                record(service, action == Action.DELETED);
            }

            @Override
            public void onClose(WatcherException cause) {
                reopen(() -> watchServices(namespace));
            }
        }));
    }

    private void watchEvents(String namespace) {
        open(() -> kube.v1().events().inNamespace(namespace).watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Event event) {
                if (action != Action.DELETED) {
                    record(List.of(event));
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                reopen(() -> watchEvents(namespace));
            }
        }));
    }

    private void open(java.util.function.Supplier<Watch> opener) {
        if (closed) {
            return;
        }
        try {
            Watch watch = opener.get();
            synchronized (lock) {
                watches.add(watch);
            }
        } catch (KubernetesClientException e) {
            // The polling in await covers for it; the next reopen attempt comes with the next close.
        }
    }

    private void reopen(Runnable opener) {
        if (closed) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            opener.run();
        }, "differential-watch-reopen");
        thread.setDaemon(true);
        thread.start();
    }

    private void record(Service service, boolean deleted) {
        synchronized (lock) {
            String uid = service.getMetadata().getUid();
            if (deleted) {
                services.remove(uid);
            } else {
                services.put(uid, service);
            }
            lock.notifyAll();
        }
    }

    private void record(List<Event> list) {
        List<Event> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Event e) -> Objects.toString(e.getFirstTimestamp(), ""))
                .thenComparingLong(e -> parseLong(e.getMetadata().getResourceVersion())));
        synchronized (lock) {
            for (Event event : sorted) {
                if (event.getSource() == null || !SOURCE.equals(event.getSource().getComponent())
                        || event.getInvolvedObject() == null || event.getInvolvedObject().getUid() == null) {
                    continue;
                }
                events.computeIfAbsent(event.getInvolvedObject().getUid(), k -> new LinkedHashMap<>())
                        .putIfAbsent(event.getMetadata().getName(), new MetalLbEvent(event.getReason(), event.getMessage()));
            }
            lock.notifyAll();
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException | NullPointerException e) {
            return Long.MAX_VALUE;
        }
    }

    public Snapshot snapshot(String uid) {
        synchronized (lock) {
            Service service = services.get(uid);
            List<MetalLbEvent> list = List.copyOf(events.getOrDefault(uid, new LinkedHashMap<>()).values());
            if (service == null) {
                return new Snapshot(false, List.of(), null, list);
            }
            List<String> ips = new ArrayList<>();
            if (service.getStatus() != null && service.getStatus().getLoadBalancer() != null
                    && service.getStatus().getLoadBalancer().getIngress() != null) {
                for (LoadBalancerIngress ingress : service.getStatus().getLoadBalancer().getIngress()) {
                    if (ingress.getIp() != null && !ingress.getIp().isEmpty()) {
                        ips.add(ingress.getIp());
                    }
                }
            }
            Map<String, String> annotations = service.getMetadata().getAnnotations();
            return new Snapshot(true, List.copyOf(ips), annotations == null ? null : annotations.get(POOL_ANNOTATION), list);
        }
    }

    /** Reads the Service and its events directly, for when a watch lags or was lost. */
    public void poll(String namespace, String name, String uid) {
        Service service = kube.services().inNamespace(namespace).withName(name).get();
        if (service != null && uid.equals(service.getMetadata().getUid())) {
            record(service, false);
        }
        record(kube.v1().events().inNamespace(namespace).withField("involvedObject.uid", uid).list().getItems());
    }

    /**
     * Waits until {@code done} holds for the Service, and returns the snapshot that satisfied it, or the last one
     * after {@code timeout}.
     */
    public Snapshot await(String namespace, String name, String uid, Predicate<Snapshot> done, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextPoll = System.nanoTime() + Duration.ofSeconds(1).toNanos();
        while (true) {
            synchronized (lock) {
                Snapshot now = snapshot(uid);
                if (done.test(now)) {
                    return now;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return now;
                }
                lock.wait(Math.max(1, Math.min(left, nextPoll - System.nanoTime()) / 1_000_000));
            }
            if (System.nanoTime() >= nextPoll) {
                poll(namespace, name, uid);
                nextPoll = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            }
        }
    }

    public List<String> namespaces() {
        return namespaces;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (lock) {
            watches.forEach(Watch::close);
            watches.clear();
        }
    }
}
