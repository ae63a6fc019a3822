package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Message;
import io.nats4j.client.Status;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamStatusException;
import io.nats4j.protocol.NatsConnectionException;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The flow half of continuous pull consumption ({@link PullSubscriber} is the delivery and
 * lifecycle half): counting and buffering what arrives, pull requests, statuses, idle heartbeats,
 * connection events and the ordered consumer's resets.
 *
 * <p>The counts live in {@link PullBudget}: requested plus buffered never exceeds the batch (or byte
 * budget). Each pull request has its own reply subject ({@code <inbox>.<n>}) so a status names the
 * request it ends.
 *
 * <p>Threads: messages and statuses arrive on the client's dispatch thread and are only counted and
 * buffered there (heartbeats are tracked on arrival); heartbeat checks run on the JetStream timer.
 * All state is guarded by {@link #lock} unless marked otherwise.
 */
abstract class PullFlow {

    final Connection nc;
    final JetStreamImpl js;
    final PullSource source;
    final ConsumeOptions opts;
    final PullBudget budget;
    final ReentrantLock lock = new ReentrantLock();
    final Condition arrived = lock.newCondition();
    final ArrayDeque<JsMessage> buffer = new ArrayDeque<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    private String inbox; // guarded by lock
    Subscription sub; // guarded by lock
    private volatile long generation; // written under the lock; read on arrival without it
    boolean stopped; // guarded by lock: no more pulls
    boolean drained; // guarded by lock: nothing more will arrive
    boolean finished; // guarded by lock
    private boolean paused; // guarded by lock: disconnected
    private boolean resetting; // guarded by lock: re-creating the consumer
    private volatile long lastActivity = System.nanoTime();

    PullFlow(JetStreamImpl js, PullSource source, ConsumeOptions opts) {
        this.js = js;
        this.nc = js.connection();
        this.source = source;
        this.opts = Objects.requireNonNull(opts, "options");
        this.budget = new PullBudget(opts.batchSize(), opts.maxBytes(), opts.thresholdPercent());
    }

    /** Lock held. Callback style: hands buffered messages to the handler. */
    abstract void scheduleDelivery();

    /**
     * Lock held. A terminal error: nothing more is pulled, the buffer is still delivered.
     *
     * @param error what ended consumption
     */
    abstract void terminate(JetStreamException error);

    /** Lock held. A fresh inbox per generation, so nothing of a replaced consumer is counted. */
    void subscribe() {
        long gen = ++generation;
        inbox = nc.newInbox();
        sub = nc.subscribe(inbox + ".*", m -> onMessage(gen, m));
    }

    // ---------------------------------------------------------------- arrival (dispatch thread)

    private void onMessage(long gen, Message m) {
        if (gen == generation) {
            lastActivity = System.nanoTime(); // on arrival, whatever the handler is doing
        }
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
            if (!source.accept(jm)) {
                budget.dropped(size);
                startReset("gap in the ordered consumer's sequence");
                return;
            }
            budget.arrived(size);
            buffer.add(jm);
            arrived.signalAll();
            scheduleDelivery();
        } finally {
            lock.unlock();
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
                    budget.writeOff(id);
                    pullLocked();
                }
                case REFUSED -> {
                    budget.writeOff(id); // the ticker pulls again: no tight loop against a full consumer
                    warn(new JetStreamStatusException(m.status(), m.statusDescription()));
                }
                case RESET -> {
                    budget.writeOffAll();
                    pullLocked();
                }
                case NO_RESPONDERS, CONSUMER_DELETED -> {
                    budget.writeOff(id);
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

    // ---------------------------------------------------------------- pulling

    void pull() {
        lock.lock();
        try {
            pullLocked();
        } finally {
            lock.unlock();
        }
    }

    /** Lock held. Pulls the difference once outstanding plus buffered has fallen to the threshold. */
    void pullLocked() {
        if (stopped || finished || paused || resetting || nc.status() != Status.CONNECTED) {
            return;
        }
        boolean idle = !budget.hasOpenRequests();
        PullBudget.Request r = budget.nextRequest();
        if (r == null) {
            return;
        }
        if (idle) {
            lastActivity = System.nanoTime(); // heartbeats are due from now on, not since the last request
        }
        PullRequest req = new PullRequest(r.batch(), r.maxBytes(), opts.expires(), false, opts.idleHeartbeat());
        try {
            nc.publish(source.nextSubject(), inbox + "." + r.id(), req.encode());
        } catch (RuntimeException e) {
            budget.writeOff(r.id()); // not sent: the ticker or the reconnect pulls again
        }
    }

    void tick() {
        lock.lock();
        try {
            if (stopped || finished || paused || resetting) {
                return;
            }
            if (!budget.hasOpenRequests()) {
                lastActivity = System.nanoTime(); // nothing open at the server: no heartbeat is due
            } else if (System.nanoTime() - lastActivity > 2 * opts.idleHeartbeat().toNanos()) {
                lastActivity = System.nanoTime();
                if (source.recreates()) {
                    startReset("missed heartbeats");
                    return;
                }
                warn(new JetStreamException("missed idle heartbeats: pulling again"));
                budget.writeOffAll();
            }
            pullLocked();
        } finally {
            lock.unlock();
        }
    }

    void onConnectionEvent(ConnectionEvent e) {
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
                budget.writeOffAll(); // requests of the old session are void (a restarted server lost them)
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
        budget.writeOffAll();
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

    // ---------------------------------------------------------------- helpers

    /** Lock held. */
    void unsubscribeQuietly() {
        try {
            sub.unsubscribe();
        } catch (RuntimeException e) {
            // the connection is closed: the subscription is gone with it
        }
    }

    void warn(JetStreamException e) {
        opts.errorListener().ifPresent(l -> execute(() -> l.onError(e, false)));
    }

    void execute(Runnable r) {
        try {
            js.executor().execute(r);
        } catch (RejectedExecutionException e) {
            r.run(); // the connection closed and took the executor: finish on this thread
        }
    }
}
