package io.nats4j.client.internal;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Drains subscriptions and the connection without blocking a thread per drain: UNSUB, a PING
 * whose PONG proves every message sent before the UNSUB has arrived, then wait until each handler has
 * caught up. Each step is a future; the steps run on one drain thread ({@code nats4j-drain-<id>},
 * made on first use, ended when idle) and deadlines on the timer.
 *
 * <p>The futures returned refuse to be waited on from a handler that the drain itself waits for
 * (see {@link Guarded}): that wait could only end in a timeout.
 */
final class Drainer {

    private final SubscriptionRegistry registry;
    private final Liveness liveness;
    private final ScheduledExecutorService timer;
    private final ThreadPoolExecutor thread;
    /** Runs the steps on {@link #thread}; inline once it is shut down (a refused stage would throw). */
    private final Executor steps;
    /**
     * Completes the futures handed to the application for a subscription's drain: a stage chained on
     * one must not run on the drain thread, where it would hold back every other drain's steps.
     */
    private final Executor completions;
    /** Drains not yet complete; close fails them. */
    private final Set<Guarded> running = ConcurrentHashMap.newKeySet();

    Drainer(SubscriptionRegistry registry, Liveness liveness, ScheduledExecutorService timer, ThreadFactory threads,
            Executor completions) {
        this.registry = registry;
        this.completions = completions;
        this.liveness = liveness;
        this.timer = timer;
        this.thread = new ThreadPoolExecutor(1, 1, 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
        this.thread.allowCoreThreadTimeOut(true);
        this.steps = task -> {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException closed) {
                task.run();
            }
        };
    }

    /**
     * Drains one subscription.
     *
     * @return completes when its handler delivered everything pending
     */
    CompletableFuture<Void> drainSubscription(NatsSubscription sub, Duration timeout) {
        Guarded done = new Guarded(sub::isDispatchingHere, "Subscription.drain() of '" + sub.subject()
                + "' was waited on from its own message handler");
        if (!sub.isActive()) {
            done.complete(null);
            return done;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        running.add(done);
        drainSubscriptions(List.of(sub), deadline).whenCompleteAsync((v, e) -> {
            running.remove(done);
            complete(done, e);
        }, completions);
        return done;
    }

    /**
     * Drains every application subscription, waits for pending requests, flushes, then closes.
     *
     * @param inHandler true on a thread running one of this connection's handlers
     * @param requestsIdle completes when no request waits for a reply
     * @param close closes the connection; runs on the drain thread
     * @return completes once closed
     */
    CompletableFuture<Void> drainConnection(Duration timeout, BooleanSupplier inHandler,
            CompletableFuture<Void> requestsIdle, Runnable close) {
        Guarded done = new Guarded(inHandler, "Connection.drain() was waited on from one of the connection's"
                + " message handlers");
        long deadline = System.nanoTime() + timeout.toNanos();
        running.add(done);
        CompletableFuture<Void> all = drainSubscriptions(registry.applicationSubscriptions(), deadline)
                .thenComposeAsync(v -> within(requestsIdle, deadline, "drain: requests still waiting for replies"), steps)
                .thenComposeAsync(v -> within(liveness.ping(), deadline, "drain: no PONG for the final flush"), steps);
        all.whenCompleteAsync((v, e) -> {
            running.remove(done); // this close is the drain's own last step, not an interruption
            close.run();
            complete(done, e);
        }, steps);
        return done;
    }

    private CompletableFuture<Void> drainSubscriptions(List<NatsSubscription> list, long deadline) {
        registry.startDraining(list);
        CompletableFuture<Void> pong;
        try {
            pong = liveness.ping();
        } catch (NatsException notConnected) {
            pong = CompletableFuture.completedFuture(null); // nothing more can arrive: deliver what is pending
        }
        CompletableFuture<Void> idle = within(pong, deadline, null)
                .handleAsync((v, e) -> {
                    // PONG, lost session or deadline: receive nothing more, deliver what is pending
                    registry.stopReceiving(list);
                    return CompletableFuture.allOf(list.stream().map(NatsSubscription::whenIdle)
                            .toArray(CompletableFuture[]::new));
                }, steps)
                .thenCompose(all -> within(all, deadline, null));
        return idle.handleAsync((v, e) -> {
            try {
                if (e != null) {
                    throw stalled(list, e);
                }
                return (Void) null;
            } finally {
                registry.drained(list);
            }
        }, steps);
    }

    private static NatsException stalled(List<NatsSubscription> list, Throwable e) {
        for (NatsSubscription sub : list) {
            if (sub.pendingMessages() > 0 || !sub.whenIdle().isDone()) {
                return new NatsTimeoutException("drain of '" + sub.subject() + "' timed out with "
                        + sub.pendingMessages() + " messages pending");
            }
        }
        Throwable c = unwrap(e);
        return c instanceof NatsException ne ? ne : new NatsException("drain failed", c);
    }

    /** {@code f}, failing with a timeout at the deadline; {@code what} null means a silent timeout. */
    private CompletableFuture<Void> within(CompletableFuture<Void> f, long deadline, String what) {
        if (f.isDone()) {
            return f; // no race with a deadline that has passed already
        }
        CompletableFuture<Void> r = new CompletableFuture<>();
        ScheduledFuture<?> t;
        try {
            t = timer.schedule(() -> r.completeExceptionally(new NatsTimeoutException(what == null ? "drain timed out" : what)),
                    Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            r.completeExceptionally(new NatsException("connection closed during drain"));
            return r;
        }
        f.whenComplete((v, e) -> {
            t.cancel(false);
            complete(r, e);
        });
        return r;
    }

    private static void complete(CompletableFuture<Void> f, Throwable e) {
        if (e == null) {
            f.complete(null);
        } else {
            Throwable c = unwrap(e);
            f.completeExceptionally(c instanceof NatsException ? c : new NatsException("drain failed", c));
        }
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** On close: stops the drain thread; a drain still running fails now. */
    void shutdown() {
        thread.shutdown();
        NatsConnectionException closed = new NatsConnectionException("connection closed before the drain completed");
        for (Guarded g : running) {
            g.completeExceptionally(closed);
        }
        running.clear();
    }

    /**
     * A drain's future: waiting on it ({@code get}, {@code join}) from a thread the drain waits for
     * fails at once with a {@link NatsException} naming the mistake, instead of blocking until the
     * timeout. Stages derived from it are plain futures.
     */
    static final class Guarded extends CompletableFuture<Void> {
        private final BooleanSupplier waitsForCaller;
        private final String mistake;

        Guarded(BooleanSupplier waitsForCaller, String mistake) {
            this.waitsForCaller = waitsForCaller;
            this.mistake = mistake;
        }

        private void check() {
            if (!isDone() && waitsForCaller.getAsBoolean()) {
                throw new NatsException(mistake + ": the drain waits for that handler to return, so it could"
                        + " only time out. Call drain() without waiting, or wait on another thread.");
            }
        }

        @Override
        public Void get() throws InterruptedException, ExecutionException {
            check();
            return super.get();
        }

        @Override
        public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            check();
            return super.get(timeout, unit);
        }

        @Override
        public Void join() {
            check();
            return super.join();
        }

        @Override
        public <U> CompletableFuture<U> newIncompleteFuture() {
            return new CompletableFuture<>();
        }
    }
}
