package io.nats4j.client.internal;

import java.util.ArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Hands the application's {@code requestAsync} stages to the dispatch pool once per read instead
 * of once per reply: what the reader thread submits while it parses one read is collected and
 * handed over as one task when the read is done ({@link #flush}). Every hand-off wakes a pool
 * thread; with many requests in flight that wake-up, not the work, was the cost.
 *
 * <p>Stages of one batch run one after the other on one pool thread, so a burst of replies does not
 * start a thread per reply; replies of later reads go to other hand-offs. A stage that blocks
 * (waiting for another request's reply, say) does not hold back the rest of its batch for long:
 * while a batch has stages left, a watchdog on the engine's timer looks every {@link #STALL_NANOS}
 * and, when its runner has started no stage since the last look, hands another runner to the pool
 * for the rest. Tasks submitted from any other thread go to the pool at once.
 */
final class BatchingExecutor implements Executor {

    /** How long a batch's stage may run before the stages behind it get another runner. */
    static final long STALL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Executor delegate;
    /** Where the watchdog of a batch runs; null: no watchdog (unit tests of the batching alone). */
    private final ScheduledExecutorService timer;
    /** The batch of the current reader thread; absent on every other thread. */
    private final ThreadLocal<ArrayList<Runnable>> batches = new ThreadLocal<>();

    BatchingExecutor(Executor delegate) {
        this(delegate, null);
    }

    BatchingExecutor(Executor delegate, ScheduledExecutorService timer) {
        this.delegate = delegate;
        this.timer = timer;
    }

    /** The current thread (a session's reader) collects from now on, until {@link #stopCollecting}. */
    void collectOnCurrentThread() {
        batches.set(new ArrayList<>());
    }

    /** Hands over what is left and ends collecting on the current thread; the reader's last act. */
    void stopCollecting() {
        flush();
        batches.remove();
    }

    @Override
    public void execute(Runnable task) {
        ArrayList<Runnable> batch = batches.get();
        if (batch != null) {
            batch.add(task);
        } else {
            delegate.execute(task);
        }
    }

    /** Hands what this read collected to the pool as one task; on the reader thread, after each read. */
    void flush() {
        ArrayList<Runnable> tasks = batches.get();
        if (tasks == null || tasks.isEmpty()) {
            return;
        }
        if (tasks.size() == 1) {
            Runnable only = tasks.get(0);
            tasks.clear(); // the list stays this reader's
            delegate.execute(only);
            return;
        }
        batches.set(new ArrayList<>(Math.max(8, tasks.size())));
        Batch batch = new Batch(tasks);
        delegate.execute(batch);
        batch.watch();
    }

    /** One read's stages; every runner takes the next one not yet started. */
    private final class Batch implements Runnable {
        private final ArrayList<Runnable> tasks;
        private final AtomicInteger next = new AtomicInteger();
        /** {@link #next} at the watchdog's last look. */
        private int seen = -1;

        Batch(ArrayList<Runnable> tasks) {
            this.tasks = tasks;
        }

        @Override
        public void run() {
            int i;
            while ((i = next.getAndIncrement()) < tasks.size()) {
                try {
                    tasks.get(i).run();
                } catch (RuntimeException | Error e) {
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                }
            }
        }

        /** Looks again in {@link #STALL_NANOS} while stages are left; on the timer thread after the first. */
        void watch() {
            if (timer == null) {
                return;
            }
            try {
                timer.schedule(this::look, STALL_NANOS, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException closing) {
                // the connection is closing: no more watching; what is queued still runs
            }
        }

        private void look() {
            int started = next.get();
            if (started >= tasks.size()) {
                return;
            }
            if (started == seen) {
                delegate.execute(this); // the runner is stuck in one stage: another takes the rest
            }
            seen = started;
            watch();
        }
    }
}
