package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import java.time.Duration;
import java.util.Optional;

/**
 * A message delivered by a consumer, with its metadata and the acknowledgements.
 *
 * <p>{@link #ack()}, {@link #nak()} and {@link #term()} are terminal: once one was sent, further
 * acknowledgements of this message are ignored. {@link #inProgress()} is not terminal: it resets the
 * server's ack timer and may be sent many times. The fire-and-forget forms publish and return;
 * {@link #ackSync} waits for the server's confirmation.
 */
public interface JetStreamMessage {

    /**
     * The subject the message was published to.
     *
     * @return the subject
     */
    String subject();

    /**
     * The headers, empty when none.
     *
     * @return the headers
     */
    Headers headers();

    /**
     * The payload (empty for a headers-only consumer).
     *
     * @return the payload, owned by this message
     */
    byte[] data();

    /**
     * The ack subject.
     *
     * @return the reply subject, empty if the message has none
     */
    Optional<String> replyTo();

    /**
     * The metadata parsed from the ack subject.
     *
     * @return the metadata
     * @throws JetStreamException when the reply subject is not a JetStream ack subject
     */
    MessageMetadata metadata();

    /** Acknowledges the message ({@code +ACK}); terminal. */
    void ack();

    /**
     * Acknowledges the message and waits for the server to confirm it; terminal.
     *
     * @param timeout how long to wait
     * @throws io.nats4j.protocol.NatsTimeoutException when no confirmation came in time
     */
    void ackSync(Duration timeout);

    /** Asks for redelivery now ({@code -NAK}); terminal for this delivery. */
    void nak();

    /**
     * Asks for redelivery after a delay ({@code -NAK {"delay": nanos}}); terminal for this delivery.
     *
     * @param delay how long the server waits before redelivering
     */
    void nak(Duration delay);

    /** Tells the server never to redeliver the message ({@code +TERM}); terminal. */
    void term();

    /**
     * Tells the server never to redeliver the message, with a reason it records in its advisory
     * ({@code +TERM <reason>}); the reason is sent only to nats-server 2.10.4+ (older ones refuse a
     * {@code +TERM} with text, so they get a plain one); terminal.
     *
     * @param reason why
     */
    void term(String reason);

    /** Tells the server the message is still being worked on ({@code +WPI}); resets its ack timer. */
    void inProgress();
}
