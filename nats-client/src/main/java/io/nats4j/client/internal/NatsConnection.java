package io.nats4j.client.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.Options;
import io.nats4j.client.Registration;
import io.nats4j.client.Statistics;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsPayloadTooLargeException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.protocol.Nuid;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.Subjects;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Connection} the application holds: checks arguments and delegates. The parts it
 * delegates to, and the threads each runs on, are built by the {@link Engine}:
 * {@link OutboundBuffer} and {@link Writer} (publish), {@link Reader} and {@link SubscriptionRegistry}
 * (receive), {@link Dispatcher} (handlers), {@link RequestMux}, {@link Liveness} (flush, rtt),
 * {@link Drainer}, {@link Lifecycle} (status) and {@link Listeners} (events and errors).
 */
public final class NatsConnection implements Connection {

    private static final byte[] EMPTY = new byte[0];

    private final Engine engine;

    /**
     * Creates an unconnected connection; {@link #connect()} connects it.
     *
     * @param options the options
     */
    public NatsConnection(Options options) {
        this.engine = new Engine(options, this);
    }

    /**
     * Makes the first connection: each server of the pool once, in order (with
     * {@code retryOnFailedConnect}, returns at once and keeps trying in the background).
     *
     * @throws NatsException the last failure
     */
    public void connect() {
        engine.connect();
    }

    // ---- publish

    @Override
    public void publish(String subject, byte[] data) {
        publish(subject, null, null, data);
    }

    @Override
    public void publish(String subject, String replyTo, byte[] data) {
        publish(subject, replyTo, null, data);
    }

    @Override
    public void publish(String subject, Headers headers, byte[] data) {
        publish(subject, null, headers, data);
    }

    @Override
    public void publish(String subject, String replyTo, Headers headers, byte[] data) {
        if (subject == null) {
            throw new NatsIllegalArgumentException("subject must not be null");
        }
        byte[] payload = data == null ? EMPTY : data;
        byte[] hdr = headers == null || headers.isEmpty() ? null : ClientAccess.encode(headers);
        long size = payload.length + (hdr == null ? 0 : (long) hdr.length);
        ServerInfo si = engine.info();
        if (si != null && si.maxPayload() > 0 && size > si.maxPayload()) {
            throw new NatsPayloadTooLargeException("message of " + size + " bytes to '" + subject
                    + "' exceeds the server's max_payload of " + si.maxPayload() + " bytes");
        }
        // the encoder validates subject and reply while it writes them
        engine.out.publish(subject, replyTo, hdr, payload);
    }

    // ---- subscribe

    @Override
    public Subscription subscribe(String subject) {
        return subscribe(subject, null, null);
    }

    @Override
    public Subscription subscribe(String subject, String queueGroup) {
        if (queueGroup == null) {
            throw new NatsIllegalArgumentException("queue group must not be null");
        }
        return subscribe(subject, queueGroup, null);
    }

    @Override
    public Subscription subscribe(String subject, MessageHandler handler) {
        if (handler == null) {
            throw new NatsIllegalArgumentException("handler must not be null");
        }
        return subscribe(subject, null, handler);
    }

    @Override
    public Subscription subscribe(String subject, String queueGroup, MessageHandler handler) {
        if (subject == null) {
            throw new NatsIllegalArgumentException("subject must not be null");
        }
        Subjects.validateSubscribe(subject);
        if (queueGroup != null) {
            Subjects.validateQueue(queueGroup);
        }
        if (engine.lifecycle.status() == Status.DRAINING) {
            throw new NatsException("connection is draining: no new subscriptions");
        }
        return engine.registry.subscribe(subject, queueGroup, handler, null);
    }

    // ---- request / reply

    @Override
    public Message request(String subject, byte[] data, Duration timeout) {
        return request(subject, null, data, timeout);
    }

    @Override
    public Message request(String subject, Headers headers, byte[] data, Duration timeout) {
        CompletableFuture<Message> f = rawRequest(subject, headers, data, timeout);
        try {
            return f.get(timeout.toNanos() + TimeUnit.SECONDS.toNanos(5), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            f.cancel(false);
            Thread.currentThread().interrupt();
            throw new NatsException("interrupted while waiting for a reply on '" + subject + "'", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof NatsException ne) {
                // a fresh exception of the same kind, so the caller's stack shows here too
                throw rethrow(ne);
            }
            throw new NatsException("request on '" + subject + "' failed", c);
        } catch (TimeoutException e) {
            f.cancel(false);
            throw new NatsTimeoutException("no reply to the request on '" + subject + "' within " + timeout.toMillis() + " ms");
        }
    }

    private static NatsException rethrow(NatsException e) {
        if (e instanceof NatsTimeoutException) {
            return new NatsTimeoutException(e.getMessage(), e);
        }
        if (e instanceof NoRespondersException) {
            return new NoRespondersException(e.getMessage(), e);
        }
        if (e instanceof NatsConnectionException) {
            return new NatsConnectionException(e.getMessage(), e);
        }
        return e;
    }

    @Override
    public CompletableFuture<Message> requestAsync(String subject, byte[] data, Duration timeout) {
        return requestAsync(subject, null, data, timeout);
    }

    @Override
    public CompletableFuture<Message> requestAsync(String subject, Headers headers, byte[] data, Duration timeout) {
        // the reply completes the raw future on the reader thread; the caller's stages must not run
        // there (a blocking stage would stop every read), nor on the common pool (11.3)
        return rawRequest(subject, headers, data, timeout).whenCompleteAsync((m, e) -> { }, engine.completions);
    }

    private CompletableFuture<Message> rawRequest(String subject, Headers headers, byte[] data, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new NatsIllegalArgumentException("request timeout must be positive, was " + timeout);
        }
        if (subject == null) {
            throw new NatsIllegalArgumentException("subject must not be null");
        }
        return engine.mux.request(subject, headers, data, timeout, this::publish);
    }

    /**
     * Entries in the request map; for tests of leak freedom.
     *
     * @return requests waiting for a reply
     */
    public int pendingRequests() {
        return engine.mux.pending();
    }

    @Override
    public String newInbox() {
        return engine.options.inboxPrefix() + "." + Nuid.nextGlobal();
    }

    // ---- flush, drain, close

    @Override
    public void flush(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new NatsIllegalArgumentException("flush timeout must be positive, was " + timeout);
        }
        engine.liveness.flush(timeout);
    }

    @Override
    public Duration rtt() {
        long start = System.nanoTime();
        engine.liveness.flush(Duration.ofSeconds(10));
        return Duration.ofNanos(System.nanoTime() - start);
    }

    CompletableFuture<Void> drainSubscription(NatsSubscription sub, Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new NatsIllegalArgumentException("drain timeout must be positive, was " + timeout);
        }
        return engine.drainer.drainSubscription(sub, timeout);
    }

    @Override
    public CompletableFuture<Void> drain(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new NatsIllegalArgumentException("drain timeout must be positive, was " + timeout);
        }
        return engine.drain(timeout, this::isDispatchingHere);
    }

    /** Whether the current thread runs a message handler of this connection. */
    private boolean isDispatchingHere() {
        NatsSubscription current = Dispatcher.current();
        return current != null && current.connection() == this;
    }

    @Override
    public void close() {
        engine.close(null);
    }

    // ---- listeners

    @Override
    public Registration addConnectionListener(ConnectionListener listener) {
        if (listener == null) {
            throw new NatsIllegalArgumentException("listener must not be null");
        }
        return engine.listeners.addConnectionListener(listener);
    }

    @Override
    public Registration addErrorListener(ErrorListener listener) {
        if (listener == null) {
            throw new NatsIllegalArgumentException("listener must not be null");
        }
        return engine.listeners.addErrorListener(listener);
    }

    // ---- state

    @Override
    public Status status() {
        return engine.lifecycle.status();
    }

    @Override
    public ServerInfo serverInfo() {
        ServerInfo si = engine.info();
        if (si == null) {
            throw new NatsConnectionException("not connected to any server yet");
        }
        return si;
    }

    @Override
    public Optional<String> connectedUrl() {
        Session s = engine.session();
        return s == null || s.dead || engine.lifecycle.isClosed() ? Optional.empty() : Optional.of(s.entry.uri.redacted());
    }

    @Override
    public Statistics statistics() {
        Counters c = engine.counters;
        return new Statistics(c.inMsgs, engine.out.outMsgs(), c.inBytes, engine.out.outBytes(), c.reconnects.get(),
                c.dropped.get());
    }

    @Override
    public long maxPayload() {
        return serverInfo().maxPayload();
    }

    /**
     * The servers currently in the pool, redacted; for tests and diagnostics.
     *
     * @return the pool's URLs
     */
    public List<String> serverPool() {
        List<String> out = new ArrayList<>();
        for (ServerPool.Entry e : engine.pool.snapshot()) {
            out.add(e.uri.redacted());
        }
        return out;
    }

    @Override
    public String toString() {
        return "Connection[" + engine.id + ", " + status() + connectedUrl().map(u -> ", " + u).orElse("") + "]";
    }
}
