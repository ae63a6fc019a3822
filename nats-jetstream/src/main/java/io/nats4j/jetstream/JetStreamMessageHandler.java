package io.nats4j.jetstream;

/**
 * Handles messages of {@link Consumer#consume}. Runs on the JetStream executor, one message at a
 * time and in order for one consume call; never on the client's reader or dispatch threads. An
 * exception it throws is reported to the consume's error listener and does not stop consumption;
 * the message is then left unacknowledged (the server redelivers it after its ack wait).
 */
@FunctionalInterface
public interface JetStreamMessageHandler {

    /**
     * Handles one message.
     *
     * @param message the message
     * @throws Exception anything; reported, consumption goes on
     */
    void onMessage(JetStreamMessage message) throws Exception;
}
