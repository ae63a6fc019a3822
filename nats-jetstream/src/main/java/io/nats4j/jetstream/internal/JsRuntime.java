package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.Registration;
import io.nats4j.client.Status;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads JetStream needs for one connection, shared by every context on it: a timer
 * ({@code nats4j-js-timer-N}, heartbeat checks, ack timeouts, backoff) and the default executor for
 * user callbacks ({@code nats4j-js-N}). Both are created on first use and shut down when the
 * connection reports {@link ConnectionEvent#CLOSED}, so closing the connection leaves no thread.
 * Connection events are fanned out to the JetStream parts that track them.
 */
final class JsRuntime implements ConnectionListener {

    private static final Map<Connection, JsRuntime> RUNTIMES = new WeakHashMap<>();
    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final Connection nc;
    private final List<ConnectionListener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private ScheduledThreadPoolExecutor timer; // guarded by lock
    private ThreadPoolExecutor executor; // guarded by lock
    private boolean shutdown; // guarded by lock
    private Registration registration;

    private JsRuntime(Connection nc) {
        this.nc = nc;
    }

    /**
     * The runtime of a connection, created on first use.
     *
     * @param nc the connection
     * @return its runtime
     */
    static JsRuntime of(Connection nc) {
        JsRuntime rt;
        boolean created = false;
        synchronized (RUNTIMES) {
            rt = RUNTIMES.get(nc);
            if (rt == null) {
                rt = new JsRuntime(nc);
                RUNTIMES.put(nc, rt);
                created = true;
            }
        }
        if (created) {
            rt.registration = nc.addConnectionListener(rt);
            if (nc.status() == Status.CLOSED) {
                rt.shutdown(); // closed before the listener was in place
            }
        }
        return rt;
    }

    /**
     * Adds a listener for the connection's events (called on the client's events thread: be quick).
     *
     * @param l the listener
     * @return removes it
     */
    Runnable listen(ConnectionListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    @Override
    public void onEvent(Connection connection, ConnectionEvent event) {
        for (ConnectionListener l : listeners) {
            l.onEvent(connection, event);
        }
        if (event == ConnectionEvent.CLOSED) {
            shutdown();
        }
    }

    /**
     * The timer.
     *
     * @return the timer
     * @throws java.util.concurrent.RejectedExecutionException via its use once the connection closed
     */
    ScheduledExecutorService timer() {
        synchronized (lock) {
            if (timer == null) {
                timer = new ScheduledThreadPoolExecutor(1, daemon("nats4j-js-timer-"));
                timer.setRemoveOnCancelPolicy(true);
                timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
                if (shutdown) {
                    timer.shutdownNow();
                }
            }
            return timer;
        }
    }

    /**
     * The default executor for user callbacks.
     *
     * @return the executor
     */
    ExecutorService executor() {
        synchronized (lock) {
            if (executor == null) {
                int n = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
                executor = new ThreadPoolExecutor(n, n, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                        daemon("nats4j-js-"));
                executor.allowCoreThreadTimeOut(true);
                if (shutdown) {
                    executor.shutdown();
                }
            }
            return executor;
        }
    }

    private void shutdown() {
        synchronized (lock) {
            shutdown = true;
            if (timer != null) {
                timer.shutdownNow();
            }
            if (executor != null) {
                executor.shutdown(); // callbacks already queued (failed futures) still run
            }
        }
        synchronized (RUNTIMES) {
            RUNTIMES.remove(nc, this);
        }
        Registration r = registration;
        if (r != null) {
            r.close();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        return r -> {
            Thread t = new Thread(r, prefix + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
