package io.nats4j.client;

/**
 * What a {@link ConnectionListener} is told about.
 */
public enum ConnectionEvent {
    /** The first connect succeeded. */
    CONNECTED,
    /** The connection to the server was lost; the client will try to reconnect unless it closes. */
    DISCONNECTED,
    /** A new server connection is up after a disconnect. */
    RECONNECTED,
    /** After a reconnect, every live subscription was sent to the new server again. */
    RESUBSCRIBED,
    /** The server told us about cluster members we did not know; they joined the server pool. */
    DISCOVERED_SERVERS,
    /** The server entered lame duck mode: it will close its connections soon and we will move. */
    LAME_DUCK,
    /** The connection is closed for good. */
    CLOSED
}
