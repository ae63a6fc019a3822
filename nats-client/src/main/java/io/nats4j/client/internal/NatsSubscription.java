package io.nats4j.client.internal;

import io.nats4j.client.Message;
import io.nats4j.client.MessageHandler;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A subscription and its pending queue: a serial queue drained on the shared handler executor.
 *
 * <p>The reader thread is the only producer ({@link #enqueue}); the consumer is either one delivery
 * task on the {@link Dispatcher} (asynchronous: at most one scheduled at a time, which keeps this
 * subscription's messages in order while other subscriptions' tasks run beside it) or callers of
 * {@link #nextMessage}. The queue is an intrusive list through {@link NatsMessage#next}, so
 * enqueueing allocates nothing beyond the message.
 */
final class NatsSubscription implements Subscription {

    private final NatsConnection connection;
    private final SubscriptionRegistry registry;
    final long sid;
    private final String subject;
    private final String queue;
    final MessageHandler handler;
    /** ASCII bytes of a literal subject, to reuse {@link #subject} for incoming messages without decoding. */
    final byte[] literalSubject;
    /** The request multiplexer when this is its inbox subscription; replies go there, not to a queue. */
    final RequestMux mux;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private NatsMessage head;
    private NatsMessage tail;
    /** Messages and bytes in the queue (guarded by the lock). */
    private long pendingMsgs;
    private long pendingBytes;
    /** Taken by the running delivery task, not yet handed to the handler; written by that task only. */
    private volatile long batchMsgs;
    private volatile long batchBytes;
    private long msgLimit;
    private long byteLimit;
    private boolean scheduled;
    private boolean slow;
    private int waiters;
    private long dropped;
    /** Completed once nothing is pending and no handler runs, after receiving stopped; guarded by lock. */
    private CompletableFuture<Void> idle;
    /** The one delivery task, submitted again each time the queue turns non-empty. */
    private final Runnable delivery = this::dispatchLoop;

    /** Messages received for this subscription; written by the reader thread only. */
    long received;
    /** Auto-unsubscribe total, 0 for none. */
    volatile long max;
    /** False once no new message is accepted (unsubscribed, limit reached, draining done, closed). */
    volatile boolean receiving = true;
    /** Set when a drain starts: a reconnect must not subscribe it again. */
    volatile boolean draining;
    /** True once pending messages are discarded too (unsubscribe, close). */
    private volatile boolean closed;
    private volatile long delivered;

    NatsSubscription(NatsConnection connection, SubscriptionRegistry registry, long sid, String subject,
            String queue, MessageHandler handler, long msgLimit, long byteLimit, RequestMux mux) {
        this.connection = connection;
        this.registry = registry;
        this.sid = sid;
        this.subject = subject;
        this.queue = queue;
        this.handler = handler;
        this.msgLimit = msgLimit;
        this.byteLimit = byteLimit;
        this.mux = mux;
        this.literalSubject = SubscriptionRegistry.literalBytes(subject);
    }

    NatsConnection connection() {
        return connection;
    }

    String queueOrNull() {
        return queue;
    }

    /** Adds a message; called by the reader thread. Drops and counts it when the pending limits are hit. */
    void enqueue(NatsMessage m) {
        boolean schedule = false;
        boolean slowStarted = false;
        boolean wasDropped = false;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            int size = m.size();
            long msgs = pendingMsgs + batchMsgs;
            long bytes = pendingBytes + batchBytes;
            if ((msgLimit > 0 && msgs >= msgLimit) || (byteLimit > 0 && bytes + size > byteLimit)) {
                dropped++;
                wasDropped = true;
                slowStarted = !slow;
                slow = true;
            } else {
                slow = false;
                if (tail == null) {
                    head = m;
                } else {
                    tail.next = m;
                }
                tail = m;
                pendingMsgs++;
                pendingBytes += size;
                if (handler != null) {
                    schedule = !scheduled;
                    scheduled = true;
                } else if (waiters > 0) {
                    changed.signal();
                }
            }
        } finally {
            lock.unlock();
        }
        if (schedule) {
            schedule();
        }
        if (wasDropped) {
            registry.dropped(this, slowStarted);
        }
    }

    private NatsMessage pollLocked() {
        NatsMessage m = head;
        if (m != null) {
            head = m.next;
            if (head == null) {
                tail = null;
            }
            m.next = null;
            pendingMsgs--;
            pendingBytes -= m.size();
        }
        return m;
    }

    /** Submits the delivery task; if the executor refuses it, the next message tries again. */
    private void schedule() {
        if (!registry.dispatch(delivery)) {
            lock.lock();
            try {
                scheduled = false;
                changed.signalAll();
                idleCheckLocked();
            } finally {
                lock.unlock();
            }
        }
    }

    /**
     * Delivers pending messages to the handler, one at a time; at most one instance runs per
     * subscription. It takes the whole queue per lock acquisition, so the reader rarely meets it on
     * the lock; what it took still counts as pending until handed to the handler.
     */
    private void dispatchLoop() {
        Dispatcher.enter(this);
        try {
            deliverBatches();
        } finally {
            Dispatcher.leave();
        }
    }

    private void deliverBatches() {
        long run = 0;
        while (true) {
            NatsMessage m;
            lock.lock();
            try {
                m = closed ? null : head;
                if (m == null) {
                    scheduled = false;
                    changed.signalAll();
                    idleCheckLocked();
                    return;
                }
                head = null;
                tail = null;
                batchMsgs = pendingMsgs;
                batchBytes = pendingBytes;
                run += pendingMsgs;
                pendingMsgs = 0;
                pendingBytes = 0;
            } finally {
                lock.unlock();
            }
            while (m != null) {
                NatsMessage next = m.next;
                m.next = null;
                if (closed) {
                    break;
                }
                batchMsgs--;
                batchBytes -= m.size();
                delivered++;
                try {
                    handler.onMessage(m);
                } catch (Throwable t) {
                    registry.handlerFailed(this, t);
                }
                afterDelivery();
                m = next;
            }
            batchMsgs = 0;
            batchBytes = 0;
            if (run >= 1024) {
                // let other subscriptions sharing the executor have a turn; 'scheduled' stays true
                schedule();
                return;
            }
        }
    }

    private void afterDelivery() {
        long limit = max;
        if (limit > 0 && delivered >= limit) {
            registry.finished(this);
        }
    }

    @Override
    public Message nextMessage(Duration timeout) {
        if (handler != null) {
            throw new NatsIllegalArgumentException("nextMessage() is for synchronous subscriptions; the one on '"
                    + subject + "' has a handler");
        }
        long nanos = timeout.toNanos();
        NatsMessage m;
        lock.lock();
        try {
            waiters++;
            try {
                while ((m = closed ? null : pollLocked()) == null) {
                    if (closed || !receiving) {
                        throw new NatsException("subscription on '" + subject + "' is no longer active"
                                + (registry.isClosed() ? " (connection closed)" : ""));
                    }
                    if (nanos <= 0) {
                        return null;
                    }
                    nanos = changed.awaitNanos(nanos);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NatsException("interrupted while waiting for a message on '" + subject + "'", e);
            } finally {
                waiters--;
            }
            delivered++;
            if (head == null) {
                changed.signalAll();
                idleCheckLocked();
            }
        } finally {
            lock.unlock();
        }
        afterDelivery();
        return m;
    }

    /**
     * Completes once no message is pending and no handler runs (or the subscription closed); for
     * drain, after {@link #stopReceiving}. Completed on whichever thread made it idle.
     *
     * @return the future, shared by every caller
     */
    CompletableFuture<Void> whenIdle() {
        lock.lock();
        try {
            if (idle == null) {
                idle = new CompletableFuture<>();
            }
            idleCheckLocked();
            return idle;
        } finally {
            lock.unlock();
        }
    }

    /** Completing inside the lock is safe: drain's stages run on the drain thread, not here. */
    private void idleCheckLocked() {
        if (idle != null && !idle.isDone() && (closed || (head == null && !scheduled))) {
            idle.complete(null);
        }
    }

    /** Stops receiving; pending messages are still delivered. */
    void stopReceiving() {
        receiving = false;
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops everything: pending messages are discarded and waiters released. */
    void close() {
        receiving = false;
        closed = true;
        lock.lock();
        try {
            head = null;
            tail = null;
            pendingMsgs = 0;
            pendingBytes = 0;
            changed.signalAll();
            idleCheckLocked();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String subject() {
        return subject;
    }

    @Override
    public Optional<String> queueGroup() {
        return Optional.ofNullable(queue);
    }

    @Override
    public void unsubscribe() {
        registry.unsubscribe(this, 0);
    }

    @Override
    public void unsubscribe(int afterMessages) {
        if (afterMessages <= 0) {
            throw new NatsIllegalArgumentException("unsubscribe(afterMessages) needs a positive count, was "
                    + afterMessages);
        }
        registry.unsubscribe(this, afterMessages);
    }

    @Override
    public void setPendingLimits(long messages, long bytes) {
        lock.lock();
        try {
            msgLimit = messages;
            byteLimit = bytes;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long pendingMessages() {
        return locked(() -> pendingMsgs + batchMsgs);
    }

    @Override
    public long pendingBytes() {
        return locked(() -> pendingBytes + batchBytes);
    }

    @Override
    public long droppedMessages() {
        return locked(() -> dropped);
    }

    private long locked(LongSupplier read) {
        lock.lock();
        try {
            return read.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long deliveredMessages() {
        return delivered;
    }

    @Override
    public CompletableFuture<Void> drain(Duration timeout) {
        return connection.drainSubscription(this, timeout);
    }

    @Override
    public boolean isActive() {
        return receiving && !closed;
    }

    boolean isClosed() {
        return closed;
    }

    /** Whether the current thread is running this subscription's handler. */
    boolean isDispatchingHere() {
        return Dispatcher.current() == this;
    }

    @Override
    public String toString() {
        return "Subscription[sid=" + sid + ", subject=" + subject + (queue == null ? "" : ", queue=" + queue)
                + (handler == null ? ", sync" : ", async") + (isActive() ? "" : ", inactive") + "]";
    }
}
