package io.nats4j.client.internal;

import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Statistics;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.ServerInfo;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What one connection tells the outside world without being asked: log lines through
 * {@link System.Logger} {@code io.nats4j.client}, and {@link FlightEvents JDK Flight Recorder events}.
 *
 * <p>Log levels: quiet while healthy. {@code INFO}: connected, disconnected, reconnected, lame duck.
 * {@code DEBUG}: each failed reconnect attempt, closed, drains. {@code WARNING}: every
 * {@value #WARN_EVERY} failed reconnect attempts in a row, a summary with the last error; a server
 * error or a slow consumer when the application set no {@code ErrorListener} (handler and listener
 * exceptions are logged by {@code Listeners}). Never a secret: URLs are redacted and the client's own
 * exception messages carry none.
 *
 * <p>Called from any engine thread; never blocks and never throws.
 */
final class Telemetry {

    /** A WARNING summary after this many failed reconnect attempts in a row, and again after each as many more. */
    static final int WARN_EVERY = 10;

    private final System.Logger log;
    private final String connection;
    private final Supplier<Optional<String>> url;
    private final Supplier<ServerInfo> info;
    private final FlightEvents.Source source;
    /** Failed attempts since the last session ended; reset when one comes up. */
    private final AtomicLong failedInARow = new AtomicLong();
    private final AtomicLong failedReconnects = new AtomicLong();
    private volatile long disconnectedAtNanos;
    /** Begun when the session was lost, committed when the next one comes up: its duration is the time away. */
    private volatile FlightEvents.ReconnectEvent away;
    private volatile String lastServer = "";
    private volatile String disconnectReason = "session lost";

    /**
     * @param log where log lines go: {@code System.getLogger("io.nats4j.client")}, or a test's
     * @param connection how log lines and events name the connection, e.g. {@code "nats4j-3 'orders'"}
     * @param url the connected server, redacted, when connected
     * @param info the last INFO, or null before the first
     * @param statistics the connection's statistics, for the periodic event
     */
    Telemetry(System.Logger log, String connection, Supplier<Optional<String>> url, Supplier<ServerInfo> info,
            Supplier<Statistics> statistics) {
        this.log = log;
        this.connection = connection;
        this.url = url;
        this.info = info;
        this.source = new FlightEvents.Source(connection, statistics);
        FlightEvents.open(source);
    }

    /** Reconnect attempts that failed, so far. */
    long failedReconnects() {
        return failedReconnects.get();
    }

    /**
     * Why the session is about to be reported lost, for the next disconnect's log line and event.
     *
     * @param cause the failure, or null when the server closed the connection
     */
    void disconnectReason(Throwable cause) {
        disconnectReason = cause == null ? "closed by the server"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private String server() {
        String u = url.get().orElse("");
        if (!u.isEmpty()) {
            lastServer = u;
        }
        return lastServer;
    }

    /** A {@link ConnectionEvent}, as the engine's one events path hands it on. */
    void event(ConnectionEvent e) {
        try {
            switch (e) {
                case CONNECTED -> connected();
                case DISCONNECTED -> disconnected();
                case RECONNECTED -> reconnected();
                case LAME_DUCK -> lameDuck();
                case CLOSED -> closed();
                default -> {
                    // RESUBSCRIBED, DISCOVERED_SERVERS: routine, neither logged nor recorded
                }
            }
        } catch (RuntimeException bug) {
            log.log(Level.DEBUG, "telemetry of " + connection + " failed on " + e, bug);
        }
    }

    private void connected() {
        String server = server();
        ServerInfo si = info.get();
        failedInARow.set(0);
        if (log.isLoggable(Level.INFO)) {
            log.log(Level.INFO, connection + " connected to " + server
                    + (si == null ? "" : " (server " + si.serverId() + ", nats-server " + si.version() + ")"));
        }
        FlightEvents.ConnectEvent ev = new FlightEvents.ConnectEvent();
        if (ev.shouldCommit()) {
            ev.connection = connection;
            ev.server = server;
            ev.serverId = si == null ? null : si.serverId();
            ev.serverVersion = si == null ? null : si.version();
            ev.commit();
        }
    }

    private void disconnected() {
        String server = lastServer;
        disconnectedAtNanos = System.nanoTime();
        failedInARow.set(0);
        if (log.isLoggable(Level.INFO)) {
            log.log(Level.INFO, connection + " disconnected from " + server + ": " + disconnectReason);
        }
        FlightEvents.DisconnectEvent ev = new FlightEvents.DisconnectEvent();
        if (ev.shouldCommit()) {
            ev.connection = connection;
            ev.server = server;
            ev.reason = disconnectReason;
            ev.commit();
        }
        FlightEvents.ReconnectEvent next = new FlightEvents.ReconnectEvent();
        next.begin();
        away = next;
    }

    private void reconnected() {
        String server = server();
        long failed = failedInARow.getAndSet(0);
        long awayNanos = System.nanoTime() - disconnectedAtNanos;
        if (log.isLoggable(Level.INFO)) {
            log.log(Level.INFO, connection + " reconnected to " + server + " after " + Duration.ofNanos(awayNanos).toMillis()
                    + " ms" + (failed == 0 ? "" : " and " + failed + " failed attempts"));
        }
        FlightEvents.ReconnectEvent ev = away != null ? away : new FlightEvents.ReconnectEvent();
        away = null;
        ev.end();
        if (ev.shouldCommit()) {
            ev.connection = connection;
            ev.server = server;
            ev.failedAttempts = failed;
            ev.commit();
        }
    }

    private void lameDuck() {
        String server = server();
        if (log.isLoggable(Level.INFO)) {
            log.log(Level.INFO, connection + ": " + server + " entered lame duck mode and will close this connection soon");
        }
        FlightEvents.LameDuckEvent ev = new FlightEvents.LameDuckEvent();
        if (ev.shouldCommit()) {
            ev.connection = connection;
            ev.server = server;
            ev.commit();
        }
    }

    private void closed() {
        FlightEvents.closed(source);
        FlightEvents.snapshot(source, true);
        log.log(Level.DEBUG, () -> connection + " closed");
    }

    /**
     * A reconnect attempt failed.
     *
     * @param error why; the client's exceptions carry no secret
     */
    void reconnectFailed(NatsException error) {
        try {
            failedReconnects.incrementAndGet();
            long n = failedInARow.incrementAndGet();
            if (log.isLoggable(Level.DEBUG)) {
                log.log(Level.DEBUG, connection + " reconnect attempt " + n + " failed: " + error.getMessage());
            }
            if (n % WARN_EVERY == 0 && log.isLoggable(Level.WARNING)) {
                long away = Duration.ofNanos(System.nanoTime() - disconnectedAtNanos).toSeconds();
                log.log(Level.WARNING, connection + " still reconnecting: " + n + " attempts failed in " + away
                        + " s since it lost " + lastServer + "; last error: " + error.getMessage());
            }
        } catch (RuntimeException bug) {
            log.log(Level.DEBUG, "telemetry of " + connection + " failed", bug);
        }
    }

    /**
     * The server sent {@code -ERR}.
     *
     * @param text the error text
     * @param logIt whether to log it (no {@code ErrorListener} would see it)
     */
    void serverError(String text, boolean logIt) {
        String server = server();
        if (logIt && log.isLoggable(Level.WARNING)) {
            log.log(Level.WARNING, connection + ": server " + server + " sent -ERR '" + text
                    + "' (set an ErrorListener to handle server errors)");
        }
        FlightEvents.ServerErrorEvent ev = new FlightEvents.ServerErrorEvent();
        if (ev.shouldCommit()) {
            ev.connection = connection;
            ev.server = server;
            ev.error = text;
            ev.commit();
        }
    }

    /**
     * A subscription started dropping messages.
     *
     * @param subject its subject
     * @param pendingMessages messages waiting in it
     * @param pendingBytes bytes waiting in it
     * @param dropped messages it dropped so far
     * @param logIt whether to log it (no {@code ErrorListener} would see it)
     */
    void slowConsumer(String subject, long pendingMessages, long pendingBytes, long dropped, boolean logIt) {
        if (logIt && log.isLoggable(Level.WARNING)) {
            log.log(Level.WARNING, connection + ": slow consumer on '" + subject + "': dropping messages ("
                    + pendingMessages + " messages / " + pendingBytes + " bytes pending; raise its pending limits or handle faster)");
        }
        FlightEvents.SlowConsumerEvent ev = new FlightEvents.SlowConsumerEvent();
        if (ev.shouldCommit()) {
            ev.connection = connection;
            ev.server = server();
            ev.subject = subject;
            ev.pendingMessages = pendingMessages;
            ev.pendingBytes = pendingBytes;
            ev.droppedMessages = dropped;
            ev.commit();
        }
    }

    /** A drain in progress: {@link #end} it once. */
    final class Drain {
        private final FlightEvents.DrainEvent ev = new FlightEvents.DrainEvent();
        private final String what;
        private final long startNanos = System.nanoTime();

        private Drain(String what) {
            this.what = what;
            ev.begin();
        }

        /**
         * The drain finished.
         *
         * @param completed false when it timed out or failed
         */
        void end(boolean completed) {
            log.log(Level.DEBUG, () -> connection + " drain of " + what + (completed ? " completed" : " did not complete")
                    + " in " + Duration.ofNanos(System.nanoTime() - startNanos).toMillis() + " ms");
            ev.end();
            if (ev.shouldCommit()) {
                ev.connection = connection;
                ev.server = server();
                ev.what = what;
                ev.completed = completed;
                ev.commit();
            }
        }
    }

    /**
     * A drain starts.
     *
     * @param what {@code "connection"}, or the subscription's subject
     * @return the drain, to end
     */
    Drain drain(String what) {
        log.log(Level.DEBUG, () -> connection + " drain of " + what + " started");
        return new Drain(what);
    }
}
