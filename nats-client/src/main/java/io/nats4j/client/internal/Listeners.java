package io.nats4j.client.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.ConnectionListener;
import io.nats4j.client.ErrorListener;
import io.nats4j.client.Registration;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one path every {@link ConnectionEvent} and every asynchronous error of a connection goes
 * through, in order, on one events thread ({@code nats4j-events-<id>}).
 *
 * <p>The events thread exists only while some listener is registered (from {@code Options} or added
 * later). With no {@link ErrorListener}, errors are logged through {@link System.Logger}
 * {@code io.nats4j.client} at {@code WARNING}, once per site and exception class, so a handler that
 * throws on every message does not flood the log. A listener that throws is reported the same way:
 * a {@link ConnectionListener}'s exception goes to the error listeners, an {@link ErrorListener}'s
 * exception is logged.
 *
 * <p>Seam: {@link #event}, {@link #error}, {@link #serverError} and {@link #slowConsumer} are where
 * logging and flight-recorder hooks belong; they are called from any engine thread and never block.
 */
final class Listeners {

    /** The logger name the client logs under. */
    static final String LOGGER = "io.nats4j.client";

    private final System.Logger log;
    private final Connection connection;
    private final ThreadFactory threads;
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final List<ErrorListener> errorListeners = new CopyOnWriteArrayList<>();
    /** Site and exception class of each error already logged. */
    private final Set<String> logged = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private ExecutorService events; // guarded by lock; created with the first listener
    private boolean shutdown; // guarded by lock
    private volatile Thread eventsThread;
    /** Logging and Flight Recorder events, told about everything, listeners or not; null in unit tests. */
    private volatile Telemetry telemetry;

    Listeners(Connection connection, ThreadFactory threads, ConnectionListener cl, ErrorListener el) {
        this(System.getLogger(LOGGER), connection, threads, cl, el);
    }

    Listeners(System.Logger log, Connection connection, ThreadFactory threads, ConnectionListener cl, ErrorListener el) {
        this.log = log;
        this.connection = connection;
        this.threads = threads;
        if (cl != null) {
            add(connectionListeners, cl);
        }
        if (el != null) {
            add(errorListeners, el);
        }
    }

    /** Hands every event and error to {@code t} as well, from now on. */
    void attach(Telemetry t) {
        telemetry = t;
    }

    Registration addConnectionListener(ConnectionListener listener) {
        return add(connectionListeners, listener);
    }

    Registration addErrorListener(ErrorListener listener) {
        return add(errorListeners, listener);
    }

    private <L> Registration add(List<L> list, L listener) {
        synchronized (lock) {
            if (!shutdown && events == null) {
                events = Executors.newSingleThreadExecutor(r -> {
                    Thread t = threads.newThread(r);
                    eventsThread = t;
                    return t;
                });
            }
        }
        list.add(listener);
        return () -> list.remove(listener);
    }

    /** A connection event, from a {@code Lifecycle} transition. */
    void event(ConnectionEvent e) {
        Telemetry tel = telemetry;
        if (tel != null) {
            tel.event(e);
        }
        if (connectionListeners.isEmpty()) {
            return;
        }
        List<ConnectionListener> targets = List.copyOf(connectionListeners); // those registered when it happened
        run(() -> {
            for (ConnectionListener l : targets) {
                try {
                    l.onEvent(connection, e);
                } catch (Throwable t) {
                    errorNow(targetsOf(), "connection listener", t); // on this thread: in order, even while closing
                }
            }
        });
    }

    /**
     * Something failed away from the application's thread.
     *
     * @param site where, for the log line: "message handler", "reconnect", ...
     * @param t what was thrown
     */
    void error(String site, Throwable t) {
        if (errorListeners.isEmpty()) {
            logOnce(site, t);
            return;
        }
        List<ErrorListener> targets = List.copyOf(errorListeners);
        run(() -> errorNow(targets, site, t));
    }

    private List<ErrorListener> targetsOf() {
        return List.copyOf(errorListeners);
    }

    private void errorNow(List<ErrorListener> targets, String site, Throwable t) {
        if (targets.isEmpty()) {
            logOnce(site, t);
            return;
        }
        for (ErrorListener l : targets) {
            try {
                l.exception(connection, t);
            } catch (Throwable thrown) {
                logOnce("error listener", thrown);
            }
        }
    }

    /** The server sent {@code -ERR}. */
    void serverError(String text) {
        Telemetry tel = telemetry;
        if (tel != null) {
            tel.serverError(text, errorListeners.isEmpty());
        }
        toErrorListeners(l -> l.serverError(connection, text));
    }

    /** A subscription started dropping messages. */
    void slowConsumer(Subscription sub) {
        Telemetry tel = telemetry;
        if (tel != null) {
            tel.slowConsumer(sub.subject(), sub.pendingMessages(), sub.pendingBytes(), sub.droppedMessages(),
                    errorListeners.isEmpty());
        }
        toErrorListeners(l -> l.slowConsumer(connection, sub));
    }

    /** Hands {@code call} to every error listener on the events thread; one that throws is logged. */
    private void toErrorListeners(Consumer<ErrorListener> call) {
        if (errorListeners.isEmpty()) {
            return;
        }
        List<ErrorListener> targets = List.copyOf(errorListeners);
        run(() -> {
            for (ErrorListener l : targets) {
                try {
                    call.accept(l);
                } catch (Throwable thrown) {
                    logOnce("error listener", thrown);
                }
            }
        });
    }

    /**
     * A reconnect attempt failed: {@link Telemetry} logs it (DEBUG, and a WARNING summary every so
     * many); the error listeners, if any, are handed it too.
     */
    void reconnectFailed(NatsException e) {
        Telemetry tel = telemetry;
        if (tel != null) {
            tel.reconnectFailed(e);
        }
        if (!errorListeners.isEmpty() || tel == null) {
            error("reconnect", e);
        }
    }

    private void run(Runnable r) {
        ExecutorService ex;
        synchronized (lock) {
            ex = events;
        }
        if (ex == null) {
            return;
        }
        try {
            ex.execute(r);
        } catch (RejectedExecutionException closed) {
            // shut down: the CLOSED event was the last one delivered
        }
    }

    /** The client's own exceptions carry no secret; an application's are logged as it threw them. */
    private void logOnce(String site, Throwable t) {
        if (logged.add(site + '|' + t.getClass().getName()) && log.isLoggable(Level.WARNING)) {
            log.log(Level.WARNING, site + " of " + connection + " threw " + t.getClass().getName()
                    + " (logged once per kind; set an ErrorListener to see each one)", t);
        }
    }

    /** Whether the current thread is this connection's events thread (a listener is running). */
    boolean isEventsThread() {
        return Thread.currentThread() == eventsThread;
    }

    /**
     * Stops the events thread after what was handed to it (the CLOSED event included) ran, waiting
     * until the deadline unless called from the events thread itself. Nothing queued is discarded: a
     * listener still running at the deadline is interrupted, and the events thread delivers what is
     * queued behind it (CLOSED last) once that listener returns, then ends.
     *
     * @param deadlineNanos the end of the events thread's own grace period, counted from when the
     *     CLOSED event was queued (not shared with the rest of close)
     */
    void shutdown(long deadlineNanos) {
        ExecutorService ex;
        synchronized (lock) {
            shutdown = true;
            ex = events;
        }
        if (ex == null) {
            return;
        }
        ex.shutdown();
        if (isEventsThread()) {
            return;
        }
        try {
            if (!ex.awaitTermination(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                Thread stuck = eventsThread;
                if (stuck != null) {
                    stuck.interrupt();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
