package io.nats4j.jetstream.internal;

import io.nats4j.client.Subscription;
import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.JetStreamMessageHandler;
import io.nats4j.jetstream.MessageStream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Continuous pull consumption (ADR-37 {@code consume}), callback or iterator style: delivery to
 * the handler or to {@link #next}, and the lifecycle ({@link #stop}, {@link #close}, the terminal
 * error). Pulling, statuses, heartbeats and resets are in {@link PullFlow}.
 *
 * <p>Threads: the user handler and the error listener run on the JetStream executor.
 */
final class PullSubscriber extends PullFlow implements ConsumeContext, MessageStream {

    private final JetStreamMessageHandler handler; // null: iterator style
    private final Runnable unlisten;
    private final ScheduledFuture<?> ticker;
    private boolean delivering; // guarded by lock
    private JetStreamException terminalError; // guarded by lock

    PullSubscriber(JetStreamImpl js, PullSource source, ConsumeOptions opts, JetStreamMessageHandler handler) {
        super(js, source, opts);
        this.handler = handler;
        lock.lock();
        try {
            subscribe();
        } finally {
            lock.unlock();
        }
        this.unlisten = js.runtime().listen((c, e) -> onConnectionEvent(e));
        long hb = opts.idleHeartbeat().toNanos();
        this.ticker = js.runtime().timer().scheduleAtFixedRate(this::tick, hb, hb, TimeUnit.NANOSECONDS);
        pull();
    }

    // ---------------------------------------------------------------- delivery

    @Override
    void scheduleDelivery() {
        if (handler == null || delivering || buffer.isEmpty()) {
            return;
        }
        delivering = true;
        execute(this::deliverLoop);
    }

    private void deliverLoop() {
        while (true) {
            JsMessage m;
            lock.lock();
            try {
                m = finished ? null : buffer.poll();
                if (m == null) {
                    delivering = false;
                    maybeFinish();
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                handler.onMessage(m);
            } catch (Exception e) {
                warn(new JetStreamException("message handler failed on '" + m.subject() + "'", e));
            }
            processed(m);
        }
    }

    private void processed(JsMessage m) {
        lock.lock();
        try {
            budget.processed(m.size());
            pullLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<JetStreamMessage> next(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        long nanos = timeout.toNanos();
        JsMessage m;
        lock.lock();
        try {
            while ((m = buffer.poll()) == null) {
                if (drained || finished) {
                    maybeFinish();
                    throw terminalError != null ? new JetStreamException("message stream ended: "
                            + terminalError.getMessage(), terminalError)
                            : new JetStreamException("message stream ended");
                }
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = arrived.awaitNanos(nanos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JetStreamException("interrupted while waiting for a message", e);
        } finally {
            lock.unlock();
        }
        processed(m);
        return Optional.of(m);
    }

    // ---------------------------------------------------------------- ending

    @Override
    public void stop() {
        Subscription s;
        lock.lock();
        try {
            if (stopped || finished) {
                return;
            }
            stopped = true;
            s = sub;
        } finally {
            lock.unlock();
        }
        ticker.cancel(false);
        // UNSUB, then everything the server sent before it is still delivered; requests left at the
        // server lose their interest and are dropped there, their messages stay for the next reader.
        s.drain(js.options().requestTimeout()).whenComplete((v, e) -> {
            lock.lock();
            try {
                drained = true;
                arrived.signalAll();
                maybeFinish();
            } finally {
                lock.unlock();
            }
        });
    }

    /** Lock held. Ends once nothing more can arrive and the buffer is delivered. */
    private void maybeFinish() {
        if (finished || !drained || !buffer.isEmpty() || delivering) {
            return;
        }
        finish();
    }

    /** Lock held. */
    private void finish() {
        finished = true;
        arrived.signalAll();
        ticker.cancel(false);
        unlisten.run();
        JetStreamException error = terminalError;
        execute(() -> {
            source.ended();
            if (error == null) {
                closed.complete(null);
            } else {
                closed.completeExceptionally(error);
            }
        });
    }

    @Override
    void terminate(JetStreamException error) {
        if (terminalError != null || finished) {
            return;
        }
        terminalError = error;
        stopped = true;
        drained = true;
        unsubscribeQuietly();
        opts.errorListener().ifPresent(l -> execute(() -> l.onError(error, true)));
        arrived.signalAll();
        maybeFinish();
    }

    @Override
    public void close() {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            stopped = true;
            drained = true;
            buffer.clear();
            budget.clearBuffered();
            unsubscribeQuietly();
            delivering = false;
            finish();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletableFuture<Void> closed() {
        return closed;
    }
}
