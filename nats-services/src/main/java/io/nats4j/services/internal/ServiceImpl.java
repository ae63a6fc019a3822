package io.nats4j.services.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.Nuid;
import io.nats4j.services.EndpointConfig;
import io.nats4j.services.EndpointInfo;
import io.nats4j.services.EndpointStats;
import io.nats4j.services.Service;
import io.nats4j.services.ServiceIdentity;
import io.nats4j.services.ServiceInfo;
import io.nats4j.services.ServiceStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A running service: one {@link EndpointWorker} per endpoint and nine discovery subscriptions
 * ({@code PING}, {@code INFO}, {@code STATS}, each bare, with the name, and with name and id).
 *
 * <p>Discovery answers are built on the connection's dispatch thread: they run only our code, take
 * a short lock per endpoint and never block.
 */
public final class ServiceImpl implements Service {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Connection nc;
    private final ServiceSettings settings;
    private final String id = Nuid.nextGlobal();
    /** Read by discovery answers on the dispatch thread while {@link #addEndpoint} may append. */
    private final List<EndpointWorker> workers = new CopyOnWriteArrayList<>();
    private final List<Subscription> discovery = new ArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final CompletableFuture<Void> stopped = new CompletableFuture<>();
    private volatile Instant started;

    private ServiceImpl(Connection nc, ServiceSettings settings) {
        this.nc = nc;
        this.settings = settings;
    }

    /**
     * Subscribes everything and starts the workers.
     *
     * @param nc the connection
     * @param settings the validated service
     * @return the running service
     */
    public static Service start(Connection nc, ServiceSettings settings) {
        ServiceImpl s = new ServiceImpl(nc, settings);
        try {
            s.subscribeAll();
            if (nc.status() == Status.CONNECTED) {
                nc.flush(settings.drainTimeout());
            }
        } catch (RuntimeException e) {
            s.workers.forEach(w -> unsubscribeQuietly(w.subscription));
            s.discovery.forEach(ServiceImpl::unsubscribeQuietly);
            throw e;
        }
        s.started = Instant.now();
        for (EndpointWorker w : s.workers) {
            s.launch(w);
        }
        return s;
    }

    private void subscribeAll() {
        for (EndpointSpec spec : settings.endpoints()) {
            workers.add(new EndpointWorker(nc, spec));
        }
        byte[] ping = ServiceJson.ping(identity());
        verb("PING", () -> ping);
        verb("INFO", () -> ServiceJson.info(info()));
        verb("STATS", this::statsJson);
    }

    private void verb(String verb, Supplier<byte[]> answer) {
        String base = settings.apiPrefix() + "." + verb;
        for (String subject : List.of(base, base + "." + settings.name(), base + "." + settings.name() + "." + id)) {
            discovery.add(nc.subscribe(subject, (Message m) -> {
                if (m.replyTo().isPresent()) {
                    nc.publish(m.replyTo().get(), answer.get());
                }
            }));
        }
    }

    private void launch(EndpointWorker w) {
        Runnable loop = () -> {
            w.run();
            if (!stopping.get() && workers.stream().allMatch(x -> x.done.isDone())) {
                stop(); // every endpoint ended without a stop: the connection closed
            }
        };
        if (settings.executor().isPresent()) {
            settings.executor().get().execute(loop);
        } else {
            Thread t = new Thread(loop, "nats4j-service-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String version() {
        return settings.version();
    }

    private ServiceIdentity identity() {
        return new ServiceIdentity(settings.name(), id, settings.version(), settings.metadata());
    }

    private List<EndpointInfo> endpointInfos() {
        List<EndpointInfo> infos = new ArrayList<>(workers.size());
        workers.forEach(w -> infos.add(w.info));
        return infos;
    }

    @Override
    public ServiceInfo info() {
        return new ServiceInfo(settings.name(), id, settings.version(), settings.description(), settings.metadata(),
                endpointInfos());
    }

    @Override
    public ServiceStats stats() {
        return stats(List.copyOf(workers));
    }

    private ServiceStats stats(List<EndpointWorker> snapshot) {
        List<EndpointStats> endpoints = new ArrayList<>(snapshot.size());
        snapshot.forEach(w -> endpoints.add(w.stats()));
        return new ServiceStats(settings.name(), id, settings.version(), started, endpoints);
    }

    /** Stats and queue groups from one snapshot of the endpoints, which may grow meanwhile. */
    private byte[] statsJson() {
        List<EndpointWorker> snapshot = List.copyOf(workers);
        List<EndpointInfo> infos = new ArrayList<>(snapshot.size());
        snapshot.forEach(w -> infos.add(w.info));
        return ServiceJson.stats(stats(snapshot), settings.metadata(), infos);
    }

    @Override
    public void addEndpoint(EndpointConfig config) {
        EndpointSpec spec = EndpointSpec.resolve(config, "", null, settings.defaultQueueGroup().orElse(null));
        synchronized (workers) { // one at a time against stop(), which reads the list once
            if (stopping.get()) {
                throw new NatsException("service '" + settings.name() + "' is stopped; no endpoint can be added");
            }
            EndpointWorker w = new EndpointWorker(nc, spec);
            if (nc.status() == Status.CONNECTED) {
                try {
                    nc.flush(settings.drainTimeout());
                } catch (RuntimeException e) {
                    unsubscribeQuietly(w.subscription);
                    throw e;
                }
            }
            workers.add(w);
            launch(w);
        }
    }

    @Override
    public void reset() {
        workers.forEach(EndpointWorker::reset);
        started = Instant.now();
    }

    @Override
    public CompletableFuture<Void> stop() {
        boolean first;
        synchronized (workers) {
            first = stopping.compareAndSet(false, true);
        }
        if (first) {
            List<CompletableFuture<Void>> waits = new ArrayList<>();
            for (EndpointWorker w : workers) {
                waits.add(drainQuietly(w.subscription).thenCompose(x -> w.done));
            }
            discovery.forEach(sub -> waits.add(drainQuietly(sub)));
            long millis = settings.drainTimeout().toMillis() + 1000; // the drain itself gives up after drainTimeout
            CompletableFuture.allOf(waits.toArray(new CompletableFuture<?>[0]))
                    .orTimeout(millis, TimeUnit.MILLISECONDS)
                    .whenComplete((v, e) -> {
                        if (e == null) {
                            stopped.complete(null);
                        } else {
                            workers.forEach(w -> unsubscribeQuietly(w.subscription));
                            stopped.completeExceptionally(new NatsTimeoutException("service '" + settings.name()
                                    + "' did not stop within " + settings.drainTimeout() + ": a handler is still running"));
                        }
                    });
        }
        return stopped.copy();
    }

    /** Drains a subscription; a closed connection or a drain that fails ends it at once instead. */
    private CompletableFuture<Void> drainQuietly(Subscription sub) {
        try {
            return sub.drain(settings.drainTimeout()).handle((v, e) -> {
                if (e != null) {
                    unsubscribeQuietly(sub);
                }
                return null;
            });
        } catch (NatsException e) {
            unsubscribeQuietly(sub);
            return CompletableFuture.completedFuture(null);
        }
    }

    static void unsubscribeQuietly(Subscription sub) {
        try {
            sub.unsubscribe();
        } catch (NatsException e) {
            // already gone with its connection; nothing left to undo
        }
    }

    @Override
    public boolean isStopped() {
        return stopped.isDone();
    }

    @Override
    public void close() {
        try {
            stop().get(settings.drainTimeout().toMillis() + 2000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // close() never throws; a handler that would not return is left to finish on its own
        }
    }

    @Override
    public String toString() {
        return "Service[" + settings.name() + " " + settings.version() + " id=" + id + "]";
    }
}
