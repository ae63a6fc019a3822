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
