package io.nats4j.client.internal;

import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Status;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The connection's {@link Status}: the only writer of it, through the transitions of {@link #ALLOWED},
 * and the only source of {@link ConnectionEvent}s about it. Events are handed on while the lock is
 * held, so their order is the order of the transitions.
 *
 * <p>{@code DRAINING} is a status, not a connection state: a drain may start while reconnecting,
 * and a reconnect completing during a drain keeps the status {@code DRAINING} (its events still fire).
 *
 * <p>Thread-safe; every method may be called from any thread.
 */
final class Lifecycle {

    /** From each status, where a transition may go. */
    static final Map<Status, Set<Status>> ALLOWED = new EnumMap<>(Map.of(
            Status.CONNECTING, EnumSet.of(Status.CONNECTED, Status.DRAINING, Status.CLOSED),
            Status.CONNECTED, EnumSet.of(Status.RECONNECTING, Status.DRAINING, Status.CLOSED),
            Status.RECONNECTING, EnumSet.of(Status.CONNECTED, Status.DRAINING, Status.CLOSED),
            Status.DRAINING, EnumSet.of(Status.CLOSED),
            Status.CLOSED, EnumSet.noneOf(Status.class)));

    private final Consumer<ConnectionEvent> events;
    private volatile Status status = Status.CONNECTING;
    private boolean everConnected; // guarded by this
    private boolean sessionUp; // guarded by this
    private Throwable closeCause; // guarded by this
    private boolean closeAnnounced; // guarded by this

    Lifecycle(Consumer<ConnectionEvent> events) {
        this.events = events;
    }

    Status status() {
        return status;
    }

    boolean isClosed() {
        return status == Status.CLOSED;
    }

    /**
     * A session became the current one.
     *
     * @return false when closed (the caller drops the session)
     */
    synchronized boolean sessionUp() {
        if (status == Status.CLOSED) {
            return false;
        }
        if (status != Status.DRAINING) {
            move(Status.CONNECTED);
        }
        sessionUp = true;
        if (everConnected) {
            events.accept(ConnectionEvent.RECONNECTED);
            events.accept(ConnectionEvent.RESUBSCRIBED);
        } else {
            everConnected = true;
            events.accept(ConnectionEvent.CONNECTED);
        }
        return true;
    }

    /**
     * Whether this connection ever completed a handshake.
     *
     * @return true after the first session
     */
    synchronized boolean everConnected() {
        return everConnected;
    }

    /**
     * The current session was lost.
     *
     * @param mayReconnect whether the options allow reconnecting
     * @return true when the caller should reconnect (status now {@code RECONNECTING}); false when it
     *     should close (draining, reconnects off) or nothing is to be done (already closed)
     */
    synchronized boolean sessionLost(boolean mayReconnect) {
        if (status == Status.CLOSED || !sessionUp) {
            return false;
        }
        sessionUp = false;
        events.accept(ConnectionEvent.DISCONNECTED);
        if (mayReconnect && status == Status.CONNECTED) {
            move(Status.RECONNECTING);
            return true;
        }
        return false;
    }

    /**
     * {@code drain()} started.
     *
     * @return false when closed or already draining
     */
    synchronized boolean draining() {
        if (status == Status.CLOSED || status == Status.DRAINING) {
            return false;
        }
        move(Status.DRAINING);
        return true;
    }

    /**
     * Closes for good: the status is {@code CLOSED} from now on, so every new call fails. The
     * {@code CLOSED} event waits for {@link #closeCompleted()}, once threads and subscriptions are
     * gone, so a listener hearing it sees a finished close.
     *
     * @param cause why, or null for {@code close()}
     * @return false when already closed (the caller does nothing)
     */
    synchronized boolean close(Throwable cause) {
        if (status == Status.CLOSED) {
            return false;
        }
        move(Status.CLOSED);
        closeCause = cause;
        sessionUp = false;
        return true;
    }

    /** The close that {@link #close} began is complete: announces {@code CLOSED}, once. */
    synchronized void closeCompleted() {
        if (status == Status.CLOSED && !closeAnnounced) {
            closeAnnounced = true;
            events.accept(ConnectionEvent.CLOSED);
        }
    }

    /**
     * Why the connection closed, when it was not {@code close()}: the last session's failure, an
     * exhausted reconnect, a refused authentication.
     *
     * @return the cause, empty when open or closed by the application
     */
    synchronized Optional<Throwable> closeCause() {
        return Optional.ofNullable(closeCause);
    }

    private void move(Status to) {
        if (!ALLOWED.get(status).contains(to)) {
            throw new IllegalStateException("no transition " + status + " -> " + to);
        }
        status = to;
    }
}
