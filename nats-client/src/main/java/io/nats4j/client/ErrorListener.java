package io.nats4j.client;

/**
 * Told about errors that happen away from the caller's thread. Every method defaults to doing nothing.
 *
 * <p>Threading: called on the connection's events thread (shared with the {@link ConnectionListener}),
 * in order. Listeners must be fast and must not block or throw; an exception thrown is logged.
 *
 * <p>If not set: errors are logged through {@link System.Logger} {@code io.nats4j.client} at
 * {@code WARNING}, once per place and exception class, never with a credential.
 */
public interface ErrorListener {

    /**
     * The server sent {@code -ERR} that did not end the connection (for example a permissions
     * violation), or one that did (the connection then reconnects or closes).
     *
     * @param connection the connection
     * @param error the error text, without quotes
     */
    default void serverError(Connection connection, String error) {
    }

    /**
     * Something failed off the caller's thread: a message handler threw, a malformed frame arrived,
     * a reconnect attempt failed.
     *
     * @param connection the connection
     * @param error what was thrown
     */
    default void exception(Connection connection, Throwable error) {
    }

    /**
     * A subscription's pending limits were hit and messages are being dropped. Called when dropping
     * starts, not for every dropped message.
     *
     * @param connection the connection
     * @param subscription the slow subscription
     */
    default void slowConsumer(Connection connection, Subscription subscription) {
    }
}
