package io.nats4j.client;

/**
 * The state of a {@link Connection}.
 */
public enum Status {
    /** The first connect is in progress (or, with {@code retryOnFailedConnect}, still being retried). */
    CONNECTING,
    /** Connected to a server; messages flow. */
    CONNECTED,
    /** The connection was lost and the client is trying to reconnect; publishes are buffered. */
    RECONNECTING,
    /** {@link Connection#drain} is in progress: no new subscriptions, pending messages being delivered. */
    DRAINING,
    /** Closed for good; every call that needs the server fails. */
    CLOSED
}
