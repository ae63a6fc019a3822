package io.nats4j.client;

/**
 * Handles messages of an asynchronous subscription.
 *
 * <p>Threading: called on the connection's dispatch executor, one message at a time per
 * subscription and in order. An exception (even an {@link Error}) is reported to
 * {@link ErrorListener#exception} and delivery goes on with the next message.
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
