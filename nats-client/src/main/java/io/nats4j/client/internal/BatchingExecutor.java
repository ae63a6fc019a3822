package io.nats4j.client.internal;

import java.util.ArrayList;
import java.util.concurrent.Executor;

/**
 * Hands the application's {@code requestAsync} stages to the dispatch pool once per read instead
 * of once per reply: what the reader thread submits while it parses one read is collected and
 * handed over as one task when the read is done ({@link #flush}). Every hand-off wakes a pool
 * thread; with many requests in flight that wake-up, not the work, was the cost.
 *
 * <p>Stages of one batch run one after the other on one pool thread; a stage that blocks delays
 * the rest of its batch only, never the reader, and replies of later reads go to other threads
 * (so a stage waiting for another request's reply is not stuck behind itself). Tasks submitted
 * from any other thread go to the pool at once.
 */
final class BatchingExecutor implements Executor {

    private final Executor delegate;
    /** The batch of the current reader thread; absent on every other thread. */
    private final ThreadLocal<ArrayList<Runnable>> batches = new ThreadLocal<>();

    BatchingExecutor(Executor delegate) {
        this.delegate = delegate;
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
        delegate.execute(() -> {
            for (Runnable t : tasks) {
                try {
                    t.run();
                } catch (RuntimeException | Error e) {
                    Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), e);
                }
            }
        });
    }
}
