package io.nats4j.client;

/**
 * Told about connection events.
 *
 * <p>Threading: called on the connection's events thread, one event at a time, in order. Listeners
 * must be fast and must not block or throw; an exception thrown is reported to the
 * {@link ErrorListener} and otherwise ignored.
 */
@FunctionalInterface
public interface ConnectionListener {

    /**
     * An event happened.
     *
     * @param connection the connection
     * @param event what happened
     */
    void onEvent(Connection connection, ConnectionEvent event);
}
