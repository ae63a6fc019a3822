package io.nats4j.jetstream;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A handle on a pull consumer (or an ordered consumer) to read messages with. Obtained from
 * {@link JetStream#consumer}, {@link JetStream#orderedConsumer} or {@link Stream#consumer}; cheap,
 * holds no server resources until a read starts.
 *
 * <pre>{@code
 * Consumer c = js.consumer("ORDERS", "worker");
 * for (JetStreamMessage m : c.fetch(100, Duration.ofSeconds(2))) { handle(m); m.ack(); }
 * ConsumeContext cc = c.consume(ConsumeOptions.DEFAULT, m -> { handle(m); m.ack(); });
 * ...
 * cc.stop(); cc.closed().join();
 * }</pre>
 */
public interface Consumer {

    /**
     * The stream name.
     *
     * @return the stream
     */
    String stream();

    /**
     * The consumer name (for an ordered consumer, the server consumer currently in use).
     *
     * @return the name
     */
    String name();

    /**
     * Asks the server for the consumer's info.
     *
     * @return the info
     * @throws JetStreamApiException when the consumer does not exist
     */
    ConsumerInfo info();

    /**
     * Pulls one message.
     *
     * @param maxWait how long to wait
     * @return the message, empty when none came in time
     * @throws JetStreamStatusException when the server ended the request with an error status
     */
    Optional<JetStreamMessage> next(Duration maxWait);

    /**
     * Pulls up to {@code maxMessages} messages, returning when that many arrived or the wait ended.
     *
     * @param maxMessages at least 1
     * @param maxWait how long to wait (the server expires the request then)
     * @return the messages, possibly fewer or none
     * @throws JetStreamStatusException when the server ended the request with an error status and no
     *     message came
     */
    List<JetStreamMessage> fetch(int maxMessages, Duration maxWait);

    /**
     * Pulls up to {@code maxBytes} of messages (as the server counts: subject, reply, headers, payload).
     *
     * @param maxBytes at least 1
     * @param maxWait how long to wait
     * @return the messages, possibly none
     * @throws JetStreamStatusException when the server ended the request with an error status and no
     *     message came
     */
    List<JetStreamMessage> fetchBytes(long maxBytes, Duration maxWait);

    /**
     * Pulls up to {@code maxMessages} messages that are available now, without waiting for new ones.
     *
     * @param maxMessages at least 1
     * @return the messages, possibly none
     */
    List<JetStreamMessage> fetchNoWait(int maxMessages);

    /**
     * Starts continuous consumption, iterator style.
     *
     * @param options how to pull
     * @return the stream of messages; close it when done
     */
    MessageStream messages(ConsumeOptions options);

    /**
     * Starts continuous consumption, callback style. The handler runs on the JetStream executor.
     *
     * @param options how to pull
     * @param handler handles each message
     * @return the running consumption; stop or close it when done
     */
    ConsumeContext consume(ConsumeOptions options, JetStreamMessageHandler handler);
}
