package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Message;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.JetStreamMessageHandler;
import io.nats4j.jetstream.JetStreamStatusException;
import io.nats4j.jetstream.MessageStream;
import io.nats4j.protocol.NatsConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Continuous pull consumption (ADR-37 {@code consume}), callback or iterator style.
 *
 * <p>Invariant: {@code outstanding} (requested from the server, not yet received) plus
 * {@code buffered} (received, not yet processed by the user) never exceeds the batch (or byte
 * budget); a new pull asks for exactly the difference once that sum falls to the threshold. Each pull
 * request has its own reply subject ({@code <inbox>.<n>}) so a status names the request it ends;
 * messages are counted against the oldest open request, as the server fills them in order.
 *
 * <p>Threads: messages and statuses arrive on the client's dispatch thread and are only counted and
 * buffered there (heartbeats are tracked on arrival); the user handler and the error listener run on
 * the JetStream executor; heartbeat checks on the JetStream timer.
 */
final class PullSubscriber implements ConsumeContext, MessageStream {

    private static final int BYTES_MODE_BATCH = 1_000_000;

    /** The server consumer a subscriber pulls from; the ordered consumer swaps it on a reset. */
    interface Source {
        /**
         * The current pull subject, {@code <prefix>.CONSUMER.MSG.NEXT.<stream>.<consumer>}.
         *
         * @return the subject
         */
        String nextSubject();

        /**
         * Checks a message before it is buffered (dispatch thread).
         *
         * @param m the message
         * @return false to drop it and reset
         */
        boolean accept(JsMessage m);

        /**
         * Whether problems are mended by re-creating the consumer (ordered) rather than reported.
         *
         * @return true for the ordered consumer
         */
        boolean recreates();

        /**
         * Re-creates the server consumer after the last accepted message (blocking, executor thread).
         */
        void recreate();

        /** Called once when consumption ends (e.g. to delete an ephemeral consumer). */
        void ended();
    }

    /** One pull request still open at the server. */
    private static final class Open {
        final String id;
        long msgs;
        long bytes;

        Open(String id, long msgs, long bytes) {
            this.id = id;
            this.msgs = msgs;
            this.bytes = bytes;
        }
    }

    private final Connection nc;
    private final JetStreamImpl js;
    private final Source source;
    private final ConsumeOptions opts;
    private final JetStreamMessageHandler handler; // null: iterator style
    private final boolean bytesMode;
    private final long budget;
    private final long threshold;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<JsMessage> buffer = new ArrayDeque<>();
    private final ArrayDeque<Open> open = new ArrayDeque<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Runnable unlisten;
    private final ScheduledFuture<?> ticker;
    private String inbox; // guarded by lock
    private Subscription sub; // guarded by lock
    private long generation; // guarded by lock
    private long requestIds; // guarded by lock
    private long outstandingMsgs; // guarded by lock
    private long outstandingBytes; // guarded by lock
    private long bufferedBytes; // guarded by lock
    private boolean delivering; // guarded by lock
    private boolean stopped; // guarded by lock: no more pulls
    private boolean drained; // guarded by lock: nothing more will arrive
    private boolean finished; // guarded by lock
    private boolean paused; // guarded by lock: disconnected
    private boolean resetting; // guarded by lock: re-creating the consumer
    private JetStreamException terminalError; // guarded by lock
    private volatile long lastActivity = System.nanoTime();

    PullSubscriber(JetStreamImpl js, Source source, ConsumeOptions opts, JetStreamMessageHandler handler) {
        this.js = js;
        this.nc = js.connection();
        this.source = source;
        this.opts = Objects.requireNonNull(opts, "options");
        this.handler = handler;
        this.bytesMode = opts.maxBytes() > 0;
        this.budget = bytesMode ? opts.maxBytes() : opts.batchSize();
        this.threshold = budget * opts.thresholdPercent() / 100;
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

    /** Lock held. A fresh inbox per generation, so nothing of a replaced consumer is counted. */
    private void subscribe() {
        long gen = ++generation;
        inbox = nc.newInbox();
        sub = nc.subscribe(inbox + ".*", m -> onMessage(gen, m));
    }

    // ---------------------------------------------------------------- arrival (dispatch thread)

    private void onMessage(long gen, Message m) {
        lastActivity = System.nanoTime();
        if (m.isStatus()) {
            onStatus(gen, m);
            return;
        }
        JsMessage jm = new JsMessage(m, nc);
        long size = jm.size();
        lock.lock();
        try {
            if (gen != generation || finished) {
                return;
            }
            countArrival(size);
            if (!source.accept(jm)) {
                startReset("gap in the ordered consumer's sequence");
                return;
            }
            buffer.add(jm);
            bufferedBytes += size;
            arrived.signalAll();
            scheduleDelivery();
        } finally {
            lock.unlock();
        }
    }

    /** Lock held: the message used up one unit of the oldest open request. */
    private void countArrival(long size) {
        Open o = open.peekFirst();
        if (o == null) {
            return; // a message of a request already written off (e.g. after a reset): not counted
        }
        o.msgs--;
        if (bytesMode) {
            long take = Math.min(size, o.bytes);
            o.bytes -= take;
            outstandingBytes -= take;
        } else {
            outstandingMsgs--;
        }
        if (o.msgs <= 0 || (bytesMode && o.bytes <= 0)) {
            writeOff(o.id);
        }
    }

    private void onStatus(long gen, Message m) {
        PullStatus s = PullStatus.of(m);
        if (s == PullStatus.HEARTBEAT) {
            return;
        }
        if (s == PullStatus.FLOW_CONTROL) {
            m.replyTo().ifPresent(r -> nc.publish(r, new byte[0]));
            return;
        }
        String id = m.subject().substring(m.subject().lastIndexOf('.') + 1);
        lock.lock();
        try {
            if (gen != generation || finished) {
                return;
            }
            switch (s) {
                case REQUEST_ENDED -> {
                    writeOff(id);
                    pullLocked();
                }
                case REFUSED -> {
                    writeOff(id); // the ticker pulls again: no tight loop against a full consumer
                    warn(new JetStreamStatusException(m.status(), m.statusDescription()));
                }
                case RESET -> {
                    writeOffAll();
                    pullLocked();
                }
                case NO_RESPONDERS, CONSUMER_DELETED -> {
                    writeOff(id);
                    if (source.recreates()) {
                        startReset(s == PullStatus.CONSUMER_DELETED ? "consumer deleted" : "consumer not answering");
                    } else if (s == PullStatus.NO_RESPONDERS) {
                        warn(new JetStreamException("no consumer answered the pull request (503); retrying"));
                    } else {
                        terminate(new JetStreamStatusException(m.status(), m.statusDescription()));
                    }
                }
                default -> terminate(new JetStreamStatusException(m.status(), m.statusDescription()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** Lock held: the request ended; what it still had outstanding will not come. */
    private void writeOff(String id) {
        for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
            Open o = it.next();
            if (o.id.equals(id)) {
                it.remove();
                if (bytesMode) {
                    outstandingBytes -= Math.max(0, o.bytes);
                } else {
                    outstandingMsgs -= Math.max(0, o.msgs);
                }
                return;
            }
        }
    }

    private void writeOffAll() {
        open.clear();
        outstandingMsgs = 0;
        outstandingBytes = 0;
    }

    // ---------------------------------------------------------------- pulling

    private void pull() {
        lock.lock();
        try {
            pullLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Lock held. Pulls the difference once outstanding plus buffered has fallen to the threshold. */
    private void pullLocked() {
        if (stopped || finished || paused || resetting || nc.status() != Status.CONNECTED) {
            return;
        }
        long used = bytesMode ? outstandingBytes + bufferedBytes : outstandingMsgs + buffer.size();
        if (used > threshold) {
            return;
        }
        long want = budget - used;
        if (want <= 0) {
            return;
        }
        String id = Long.toString(++requestIds, 36);
        int batch = bytesMode ? BYTES_MODE_BATCH : (int) want;
        long maxBytes = bytesMode ? want : 0;
        PullRequest req = new PullRequest(batch, maxBytes, opts.expires(), false, opts.idleHeartbeat());
        Open o = new Open(id, batch, bytesMode ? want : Long.MAX_VALUE);
        open.add(o);
        outstandingMsgs += bytesMode ? 0 : batch;
        outstandingBytes += maxBytes;
        try {
            nc.publish(source.nextSubject(), inbox + "." + id, req.encode());
        } catch (RuntimeException e) {
            writeOff(id); // not sent: the ticker or the reconnect pulls again
        }
    }

    private void tick() {
        lock.lock();
        try {
            if (stopped || finished || paused || resetting) {
                return;
            }
            if (System.nanoTime() - lastActivity > 2 * opts.idleHeartbeat().toNanos()) {
                lastActivity = System.nanoTime();
                if (source.recreates()) {
                    startReset("missed heartbeats");
                    return;
                }
                warn(new JetStreamException("missed idle heartbeats: pulling again"));
                writeOffAll();
            }
            pullLocked();
        } finally {
            lock.unlock();
        }
    }

    private void onConnectionEvent(ConnectionEvent e) {
        lock.lock();
        try {
            if (finished) {
                return;
            }
            if (e == ConnectionEvent.DISCONNECTED) {
                paused = true;
            } else if (e == ConnectionEvent.RECONNECTED) {
                paused = false;
                lastActivity = System.nanoTime();
                writeOffAll(); // requests of the old session are void (a restarted server lost them)
                if (source.recreates() && !stopped) {
                    startReset("reconnected");
                } else {
                    pullLocked();
                }
            } else if (e == ConnectionEvent.CLOSED) {
                terminate(new JetStreamException("connection closed", new NatsConnectionException("connection closed")));
            }
        } finally {
            lock.unlock();
        }
    }

    // ---------------------------------------------------------------- ordered consumer resets

    /** Lock held. Replaces the server consumer from the next expected sequence, off this thread. */
    private void startReset(String why) {
        if (resetting || stopped || finished) {
            return;
        }
        resetting = true;
        writeOffAll();
        unsubscribeQuietly();
        subscribe(); // the new generation ignores everything of the old one
        execute(() -> recreateLoop(why));
    }

    private void recreateLoop(String why) {
        long backoffMs = 100;
        while (true) {
            lock.lock();
            try {
                if (stopped || finished) {
                    resetting = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
            try {
                source.recreate();
                break;
            } catch (RuntimeException e) {
                warn(new JetStreamException("re-creating the ordered consumer (" + why + ") failed; retrying in "
                        + backoffMs + " ms", e));
                if (!awaitQuietly(backoffMs)) {
                    return;
                }
                backoffMs = Math.min(backoffMs * 2, 5_000); // bounded back-off
            }
        }
        lock.lock();
        try {
            resetting = false;
            lastActivity = System.nanoTime();
            pullLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Waits out a back-off, returning early (false) when consumption ends meanwhile. */
    private boolean awaitQuietly(long ms) {
        try {
            closed.get(ms, TimeUnit.MILLISECONDS);
            return false;
        } catch (java.util.concurrent.TimeoutException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- delivery

    /** Lock held. Callback style: one delivery task at a time keeps messages in order. */
    private void scheduleDelivery() {
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
            bufferedBytes -= m.size();
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

    /** Lock held. A terminal error: nothing more is pulled, the buffer is still delivered. */
    private void terminate(JetStreamException error) {
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
            bufferedBytes = 0;
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

    /** Lock held. */
    private void unsubscribeQuietly() {
        try {
            sub.unsubscribe();
        } catch (RuntimeException e) {
            // the connection is closed: the subscription is gone with it
        }
    }

    private void warn(JetStreamException e) {
        opts.errorListener().ifPresent(l -> execute(() -> l.onError(e, false)));
    }

    private void execute(Runnable r) {
        try {
            js.executor().execute(r);
        } catch (RejectedExecutionException e) {
            r.run(); // the connection closed and took the executor: finish on this thread
        }
    }
}
