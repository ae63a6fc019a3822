package io.nats4j.client.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs subscriptions' delivery tasks: on the application's executor when it gave one, else on this
 * connection's own pool of {@code nats4j-dispatch-<id>-<n>} threads, made on demand and ended after
 * a minute idle. Each subscription submits at most one task at a time, so its messages stay in order
 * while a slow handler on one subscription holds up no other.
 *
 * <p>It also knows which subscription the current thread is delivering for, so that calls which
 * would wait on their own handler (draining it) fail at once instead of timing out.
 */
final class Dispatcher {

    private static final ThreadLocal<NatsSubscription> CURRENT = new ThreadLocal<>();
    /** The dispatcher whose own pool the current thread belongs to. */
    private static final ThreadLocal<Dispatcher> POOL = new ThreadLocal<>();

    private final Executor executor;
    private final ElasticPool own;

    /**
     * @param appExecutor the application's executor, or null
     * @param threads makes the own pool's threads when there is no application executor
     */
    Dispatcher(Executor appExecutor, ThreadFactory threads) {
        if (appExecutor != null) {
            this.executor = appExecutor;
            this.own = null;
        } else {
            ThreadFactory marked = r -> threads.newThread(() -> {
                POOL.set(this);
                r.run();
            });
            this.own = new ElasticPool(marked, 60, TimeUnit.SECONDS);
            this.executor = own;
        }
    }

    /**
     * A subscription's delivery task: hands its pending messages to its handler one at a time, in
     * order, batch by batch, until the queue is empty. At most one runs per subscription. On the
     * application's executor, which may have few threads, it gives the thread back after a long run
     * so other subscriptions get a turn; the own pool grows instead (resubmitting from a busy worker
     * would only start another thread).
     */
    void deliver(NatsSubscription sub) {
        CURRENT.set(sub);
        try {
            long run = 0;
            NatsMessage m;
            while ((m = sub.takeBatch()) != null) {
                while (m != null && !sub.isClosed()) {
                    NatsMessage next = m.next;
                    m.next = null;
                    sub.handing(m);
                    try {
                        sub.handler.onMessage(m);
                    } catch (Throwable t) {
                        sub.handlerFailed(t);
                    }
                    sub.afterDelivery();
                    run++;
                    m = next;
                }
                sub.batchDone();
                if (own == null && run >= 1024) {
                    sub.schedule(); // still marked scheduled: this is its next turn
                    return;
                }
            }
        } finally {
            CURRENT.remove();
        }
    }

    /**
     * The executor, also used to complete futures handed to the application ({@code requestAsync}).
     *
     * @return the executor
     */
    Executor executor() {
        return executor;
    }

    /**
     * The subscription whose handler the current thread runs.
     *
     * @return it, or null outside a handler
     */
    static NatsSubscription current() {
        return CURRENT.get();
    }

    /** Stops the own pool; waits for running handlers until the deadline unless called from one. */
    void shutdown(long deadlineNanos) {
        if (own == null) {
            return;
        }
        own.shutdown();
        if (POOL.get() == this) {
            return; // close() from a handler or a request stage: the pool ends once it returns
        }
        try {
            own.awaitTermination(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
