package io.nats4j.client;

import java.util.Optional;

/**
 * A received message. Its data is a copy owned by the message.
 */
public interface Message {

    /**
     * The subject the message was published to.
     *
     * @return the subject
     */
    String subject();

    /**
     * The reply subject, if the publisher asked for a reply.
     *
     * @return the reply subject
     */
    Optional<String> replyTo();

    /**
     * The headers; empty, never null.
     *
     * @return the headers
     */
    Headers headers();

    /**
     * The payload, owned by this message (not copied again on each call).
     *
     * @return the payload, empty array when none
     */
    byte[] data();

    /**
     * The payload decoded as UTF-8.
     *
     * @return the payload text
     */
    String dataAsString();

    /**
     * Whether this is a status message from the server (for example 503 no responders).
     *
     * @return true when the header block carries a status code
     */
    boolean isStatus();

    /**
     * The status code of a status message.
     *
     * @return the code, or 0 when {@link #isStatus()} is false
     */
    int status();

    /**
     * The text after the status code in a status message's header line, for example
     * {@code "No Messages"}, {@code "Idle Heartbeat"} or {@code "Consumer Deleted"}.
     *
     * <p>Threading: safe from any thread; the header block is decoded on first use.
     *
     * @return the description as sent, trimmed; {@code ""} when there is none or this is not a status
     *     message
     */
    String statusDescription();

    /**
     * The size of the header block as received ({@code NATS/1.0...} through the blank line).
     *
     * @return bytes of the header block, 0 when the message came without headers
     */
    int headerSize();

    /**
     * The subscription that received the message.
     *
     * @return the subscription
     */
    Subscription subscription();

    /**
     * Publishes {@code data} to this message's reply subject.
     *
     * @param data the reply payload
     * @throws io.nats4j.protocol.NatsIllegalArgumentException when the message has no reply subject
     */
    void respond(byte[] data);
}
