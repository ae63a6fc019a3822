package io.nats4j.client.internal;

import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Options;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsServerException;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.spi.Authenticator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds a connection's parts and moves it between sessions: the first connect, making a handshaken
 * session current (resubscribe first, then buffered publishes, then its reader and writer), losing
 * one (reconnect or close), and close. The {@link Lifecycle} records each step as a status.
 *
 * <p>Lock order: this object's monitor, then the {@link Lifecycle}'s, then the
 * {@link OutboundBuffer}'s lock, then the {@link SidMap}'s; listeners' calls are only queued under them.
 */
final class Engine implements Reader.Events {

    private static final AtomicInteger IDS = new AtomicInteger();
    /** How long close() waits for the listeners to hear CLOSED before interrupting a stuck one. */
    private static final long LISTENER_GRACE_NANOS = TimeUnit.SECONDS.toNanos(2);

    final int id = IDS.incrementAndGet();
    final Options options;
    final ServerPool pool;
    final Listeners listeners;
    final Telemetry telemetry;
    final Lifecycle lifecycle;
    final ScheduledThreadPoolExecutor timer;
    final Counters counters = new Counters();
    final OutboundBuffer out;
    final Dispatcher dispatcher;
    /** Completes futures handed to the application; runs the stage inline when the executor refuses. */
    final BatchingExecutor completions;
    final SubscriptionRegistry registry;
    final RequestMux mux;
    final Liveness liveness;
    final Drainer drainer;
    private final ConnectAttempt attempt;
    private final Reconnector reconnector;

    private volatile Session session;
    private volatile ServerInfo info;
    private Thread reconnectThread; // guarded by this
    private CompletableFuture<Void> drain; // guarded by this

    Engine(Options options, NatsConnection facade) {
        this.options = options;
        this.pool = new ServerPool(options.servers(), !options.noRandomize());
        this.listeners = new Listeners(facade, threads("events"), options.connectionListener().orElse(null),
                options.errorListener().orElse(null));
        this.telemetry = new Telemetry(System.getLogger(Listeners.LOGGER),
                "nats4j-" + id + options.connectionName().map(n -> " '" + n + "'").orElse(""),
                facade::connectedUrl, () -> info, facade::statistics);
        listeners.attach(telemetry);
        this.lifecycle = new Lifecycle(listeners::event);
        this.timer = new ScheduledThreadPoolExecutor(1, threads("timer"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        timer.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.out = new OutboundBuffer(options.reconnectBufferSize(), options.writeTimeout().toNanos());
        this.dispatcher = new Dispatcher(options.executor().orElse(null),
                options.threadFactory().orElseGet(() -> numbered("dispatch")));
        this.completions = new BatchingExecutor(inlineWhenRefused(dispatcher.executor()), timer);
        this.registry = new SubscriptionRegistry(facade, out, dispatcher, listeners, counters, lifecycle::isClosed,
                options.pendingMessageLimit(), options.pendingByteLimit());
        this.mux = new RequestMux(options.inboxPrefix(), registry, timer);
        out.dropPublishesWithReply(mux::isAbandoned); // 11.9: an expired request is not sent after reconnect
        this.liveness = new Liveness(out, timer, options.pingInterval(), options.maxPingsOut(), () -> session,
                () -> lifecycle.status().toString(), this::sessionFailed);
        this.drainer = new Drainer(registry, liveness, timer, threads("drain"), completions);
        this.attempt = new ConnectAttempt(options, pool, authenticatorFor(options), timer, lifecycle::isClosed);
        this.reconnector = new Reconnector(pool, new Reconnector.Settings(options.maxReconnects(), options.reconnectWait(),
                options.reconnectJitter(), options.reconnectJitterTls(), options.sslContext().isPresent()),
                Clock.SYSTEM, bound -> ThreadLocalRandom.current().nextLong(bound), attempt::run,
                listeners::reconnectFailed, lifecycle::isClosed);
    }

    private static Optional<Authenticator> authenticatorFor(Options options) {
        if (options.authenticator().isPresent()) {
            return options.authenticator();
        }
        if (options.credentials().isPresent()) {
            return Optional.of(Providers.auth("credentials(...)").credentials(options.credentials().get()));
        }
        return Optional.empty();
    }

    /** Daemon threads named {@code nats4j-<role>-<id>}. */
    ThreadFactory threads(String role) {
        return r -> daemon(r, "nats4j-" + role + "-" + id);
    }

    /** Daemon threads named {@code nats4j-<role>-<id>-<n>}, for a pool. */
    private ThreadFactory numbered(String role) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(r, "nats4j-" + role + "-" + id + "-" + n.incrementAndGet());
    }

    private static Executor inlineWhenRefused(Executor e) {
        // a refused stage would otherwise throw out of whichever thread completed the future
        return task -> {
            try {
                e.execute(task);
            } catch (RejectedExecutionException refused) {
                task.run();
            }
        };
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    // ---- connect and sessions

    /**
     * Makes the first connection: each server of the pool once, in order. When that fails and
     * {@code retryOnFailedConnect} is set, reports the failure, starts the reconnect loop and returns.
     *
     * @throws NatsException the last failure
     */
    void connect() {
        Reconnector.Outcome o;
        try {
            o = reconnector.firstConnect();
        } catch (RuntimeException | Error e) {
            close(e);
            throw e instanceof NatsException ne ? ne
                    : new NatsConnectionException("connect failed: " + e, e);
        }
        if (o.connected() != null && activate(o.connected().session())) {
            return;
        }
        NatsException failure = o.gaveUp() != null ? o.gaveUp() : new NatsConnectionException("connection closed");
        if (options.retryOnFailedConnect() && !lifecycle.isClosed()) {
            listeners.error("connect", failure);
            synchronized (this) {
                startReconnectLocked();
            }
            return;
        }
        close(failure);
        throw failure;
    }

    /** Makes a handshaken session current; false (and the session dropped) when closed meanwhile. */
    private boolean activate(Session s) {
        synchronized (this) {
            if (reconnectThread == Thread.currentThread()) {
                // this loop is done; a failure of the new session must be able to start another
                reconnectThread = null;
            }
            if (lifecycle.isClosed()) {
                s.transport.close();
                return false;
            }
            boolean reconnected = lifecycle.everConnected();
            pool.setCurrent(s.entry);
            info = s.info;
            session = s;
            Reader reader = new Reader(s, registry, out, this, completions);
            s.inbound.target(reader);
            out.attach(s, registry);
            s.reader = threads("reader").newThread(reader);
            s.writer = threads("writer").newThread(new Writer(s, out, this::sessionFailed));
            s.reader.start();
            s.writer.start();
            liveness.start();
            if (reconnected) {
                counters.reconnects.incrementAndGet();
            }
            lifecycle.sessionUp();
        }
        processInfo(s, s.info, false);
        return true;
    }

    /** A session died (I/O error, EOF, protocol error, stale, fatal -ERR): reconnect or close. */
    void sessionFailed(Session s, Throwable cause) {
        synchronized (this) {
            if (s.dead) {
                return;
            }
            s.dead = true;
            s.transport.close();
            out.detach(s);
            s.failPongs(new NatsConnectionException("disconnected from " + s.entry.uri.redacted()
                    + (cause == null || cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause));
            if (session != s || lifecycle.isClosed()) {
                return;
            }
            telemetry.disconnectReason(cause);
            if (lifecycle.sessionLost(options.maxReconnects() != 0)) {
                startReconnectLocked();
                return;
            }
        }
        close(cause);
    }

    private void startReconnectLocked() {
        if (reconnectThread == null && !lifecycle.isClosed()) {
            reconnectThread = threads("reconnect").newThread(this::reconnectLoop);
            reconnectThread.start();
        }
    }

    private void reconnectLoop() {
        Reconnector.Outcome o;
        try {
            o = reconnector.reconnect();
        } catch (RuntimeException | Error e) {
            // a defect, not a failed attempt (those are reported and retried): never leave the
            // status RECONNECTING with no thread behind it
            synchronized (this) {
                if (reconnectThread == Thread.currentThread()) {
                    reconnectThread = null;
                }
            }
            listeners.error("reconnect", e);
            close(e);
            return;
        }
        if (o.connected() != null) {
            activate(o.connected().session());
            return;
        }
        synchronized (this) {
            if (reconnectThread == Thread.currentThread()) {
                reconnectThread = null;
            }
        }
        if (o.gaveUp() != null) {
            listeners.error("reconnect", o.gaveUp());
            close(o.gaveUp());
        }
    }

    @Override
    public void info(Session s, ServerInfo si) {
        // the parser keeps its generous default limit: a cluster peer with a larger max_payload
        // may route us messages bigger than our own server accepts from clients
        info = si;
        processInfo(s, si, true);
    }

    private void processInfo(Session s, ServerInfo si, boolean async) {
        if (!options.ignoreDiscoveredServers() && !si.connectUrls().isEmpty()
                && pool.discovered(si.connectUrls(), s.entry.uri) && async) {
            listeners.event(ConnectionEvent.DISCOVERED_SERVERS);
        }
        if (si.lameDuckMode()) {
            listeners.event(ConnectionEvent.LAME_DUCK);
        }
    }

    @Override
    public void serverError(Session s, String text) {
        listeners.serverError(text);
        if (ServerError.classify(text).endsConnection()) {
            // the server closes the connection after these; do not wait for the EOF
            sessionFailed(s, new NatsServerException(text));
        }
    }

    @Override
    public void failed(Session s, Throwable cause) {
        sessionFailed(s, cause);
    }

    @Override
    public void broken(Session s, Throwable cause) {
        listeners.error("reader", cause);
        sessionFailed(s, cause);
    }

    // ---- drain and close

    /**
     * Starts draining the connection, once.
     *
     * @param inHandler whether the caller runs one of this connection's handlers
     */
    synchronized CompletableFuture<Void> drain(java.time.Duration timeout, java.util.function.BooleanSupplier inHandler) {
        if (drain != null) {
            return drain;
        }
        if (!lifecycle.draining()) {
            drain = CompletableFuture.completedFuture(null);
            return drain;
        }
        Telemetry.Drain recorded = telemetry.drain("connection");
        drain = drainer.drainConnection(timeout, inHandler, mux.whenIdle(), () -> close(null));
        drain.whenComplete((v, failed) -> recorded.end(failed == null));
        return drain;
    }

    /**
     * Closes: sends what is buffered (briefly), fails waiting requests and flushes, closes every
     * subscription, stops every thread (joining them, except the calling one), then announces CLOSED.
     *
     * @param cause why, or null for {@code close()}
     */
    void close(Throwable cause) {
        Session s;
        Thread rt;
        synchronized (this) {
            if (!lifecycle.close(cause)) {
                return;
            }
            out.close();
            s = session;
            rt = reconnectThread;
            if (rt != null) {
                rt.interrupt();
            }
            liveness.stop();
        }
        attempt.abort();
        long joinUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        NatsConnectionException closed = closedException();
        if (s != null) {
            if (!s.dead && Thread.currentThread() != s.writer) {
                long flushFor = Math.min(options.writeTimeout().toNanos(), TimeUnit.SECONDS.toNanos(2));
                out.flushForClose(s, System.nanoTime() + flushFor);
            }
            synchronized (this) {
                s.dead = true;
                s.transport.close();
                out.detach(s);
            }
            join(s.reader, joinUntil);
            join(s.writer, joinUntil);
            s.failPongs(closed);
        }
        join(rt, joinUntil);
        mux.failAll(closed);
        registry.closeAll();
        drainer.shutdown();
        dispatcher.shutdown(joinUntil);
        lifecycle.closeCompleted();
        timer.shutdown();
        // the events thread's own grace, from when CLOSED was queued: a slow handler or step above
        // may have used up the shared budget, and CLOSED must still be heard
        listeners.shutdown(System.nanoTime() + LISTENER_GRACE_NANOS);
        if (!Thread.currentThread().getName().equals("nats4j-timer-" + id)) {
            try {
                timer.awaitTermination(Math.max(1, joinUntil - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What waiting requests and flushes fail with at close: names the close cause, when there was one. */
    private NatsConnectionException closedException() {
        Throwable cause = lifecycle.closeCause().orElse(null);
        return cause == null ? new NatsConnectionException("connection closed")
                : new NatsConnectionException("connection closed: " + cause.getMessage(), cause);
    }

    private static void join(Thread t, long deadline) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- state for the facade

    Session session() {
        return session;
    }

    ServerInfo info() {
        return info;
    }
}
