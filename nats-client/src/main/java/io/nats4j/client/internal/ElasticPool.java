package io.nats4j.client.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection's own handler pool: as many threads as there are tasks running at once, made on
 * demand, each ending after a while idle. Unlike a cached {@code ThreadPoolExecutor} (which starts a
 * thread whenever no worker is already parked waiting, so a worker that just finished a task and is
 * about to wait loses the hand-off), a worker that has finished counts as available at once: a stream
 * of short tasks keeps reusing one thread, while a task that blocks never holds up the next one.
 *
 * <p>Invariant: a queued task is picked up by an available worker, or a new worker is started. Both
 * sides check the other's state after publishing their own (the submitter: task queued, then workers
 * busy?; a worker: busy, then tasks queued?), so at least one of them sees the need for a thread.
 */
final class ElasticPool implements Executor {

    /** Tells one worker to end; queued behind every task submitted before shutdown. */
    private static final Runnable STOP = () -> { };

    private final ThreadFactory threads;
    private final long keepAliveNanos;
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger workers = new AtomicInteger();
    private final AtomicInteger busy = new AtomicInteger();
    private final Set<Thread> live = ConcurrentHashMap.newKeySet();
    private volatile boolean shutdown;

    ElasticPool(ThreadFactory threads, long keepAlive, TimeUnit unit) {
        this.threads = threads;
        this.keepAliveNanos = unit.toNanos(keepAlive);
    }

    @Override
    public void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("the connection's handler pool is shut down");
        }
        queue.add(task);
        if (shutdown && queue.remove(task)) {
            // shut down meanwhile: it might sit behind the workers' STOPs and never run
            throw new RejectedExecutionException("the connection's handler pool is shut down");
        }
        if (queue.size() > workers.get() - busy.get()) {
            try {
                startWorker();
            } catch (RuntimeException | Error e) {
                if (workers.get() == 0 && queue.remove(task)) {
                    throw new RejectedExecutionException("could not start a handler thread", e);
                }
                // a running worker gets to it when its task returns
            }
        }
    }

    private void startWorker() {
        if (shutdown) {
            return;
        }
        workers.incrementAndGet();
        try {
            Thread t = threads.newThread(this::work);
            live.add(t);
            t.start();
        } catch (RuntimeException | Error e) {
            workers.decrementAndGet();
            throw e;
        }
    }

    private void tryStartWorker() {
        try {
            startWorker();
        } catch (RuntimeException | Error e) {
            // no thread now: this worker takes the queued task after its own
        }
    }

    private void work() {
        boolean counted = true; // whether this worker is in 'workers'
        try {
            while (true) {
                Runnable task = queue.poll(keepAliveNanos, TimeUnit.NANOSECONDS);
                if (task == STOP) {
                    return;
                }
                if (task == null) {
                    workers.decrementAndGet(); // retire first, then look: see the class comment
                    counted = false;
                    if (shutdown || queue.isEmpty()) {
                        return;
                    }
                    workers.incrementAndGet(); // a task came while retiring: stay
                    counted = true;
                    continue;
                }
                busy.incrementAndGet();
                try {
                    if (queue.size() > workers.get() - busy.get()) {
                        tryStartWorker(); // someone queued while this worker still looked available
                    }
                    task.run();
                } finally {
                    busy.decrementAndGet();
                }
            }
        } catch (InterruptedException stop) {
            // awaitTermination gave up on this worker
        } finally {
            if (counted) {
                workers.decrementAndGet();
            }
            live.remove(Thread.currentThread());
        }
    }

    /** No new tasks; queued ones still run, then every worker ends; running handlers are not interrupted. */
    void shutdown() {
        shutdown = true;
        for (int i = workers.get(); i > 0; i--) {
            queue.add(STOP);
        }
    }

    /**
     * Waits until every worker (but the calling one) ended; past the deadline, interrupts what still runs.
     *
     * @return true when all ended before the deadline
     */
    boolean awaitTermination(long deadlineNanos) throws InterruptedException {
        Thread self = Thread.currentThread();
        for (Thread t : live) {
            long left = deadlineNanos - System.nanoTime();
            if (t != self && left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        }
        boolean done = true;
        for (Thread t : live) {
            if (t != self && t.isAlive()) {
                done = false;
                t.interrupt();
            }
        }
        return done;
    }

    /** Threads alive now; for tests. */
    int threads() {
        return live.size();
    }
}
