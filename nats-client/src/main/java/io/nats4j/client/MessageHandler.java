package io.nats4j.client;

/**
 * Handles messages of an asynchronous subscription.
 *
 * <p>Threading: called on the connection's handler executor, one message at a time per
 * subscription and in order; different subscriptions' handlers run in parallel. An exception (even an
 * {@link Error}) is reported to {@link ErrorListener#exception} (with no error listener, logged through
 * {@link System.Logger} {@code io.nats4j.client} at {@code WARNING}, once per kind) and delivery goes
 * on with the next message. {@link Connection} says which of its calls a handler may make.
 */
@FunctionalInterface
public interface MessageHandler {

    /**
     * Handles one message.
     *
     * @param message the message; its data belongs to the handler
     * @throws Exception anything; it is reported, not propagated
     */
    void onMessage(Message message) throws Exception;
}
