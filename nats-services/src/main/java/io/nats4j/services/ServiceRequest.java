package io.nats4j.services;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;

/**
 * A request received by a service endpoint, with ways to answer it.
 *
 * <p>Each {@code respond...} call publishes one reply to the request's reply subject; a request that
 * came without a reply subject cannot be answered and the call throws
 * {@link io.nats4j.protocol.NatsIllegalArgumentException}.
 */
public interface ServiceRequest {

    /**
     * The request message as received.
     *
     * @return the message
     */
    Message message();

    /**
     * The subject the request was sent to.
     *
     * @return the subject
     */
    default String subject() {
        return message().subject();
    }

    /**
     * The request headers; empty, never null.
     *
     * @return the headers
     */
    default Headers headers() {
        return message().headers();
    }

    /**
     * The request payload.
     *
     * @return the payload, owned by the message
     */
    default byte[] data() {
        return message().data();
    }

    /**
     * Replies with a payload.
     *
     * @param data the reply payload
     */
    void respond(byte[] data);

    /**
     * Replies with headers and a payload.
     *
     * @param headers the reply headers
     * @param data the reply payload
     */
    void respond(Headers headers, byte[] data);

    /**
     * Replies with an error: headers {@code Nats-Service-Error: description} and
     * {@code Nats-Service-Error-Code: code}, an empty payload. Counted in {@link EndpointStats#errors()}.
     * Line breaks in the description become spaces (a header value holds one line).
     *
     * @param code the error code, for example 400 or 500
     * @param description a description that may be shown to the caller
     */
    void respondError(int code, String description);

    /**
     * Replies with an error and a payload (see {@link #respondError(int, String)}).
     *
     * @param code the error code
     * @param description a description that may be shown to the caller
     * @param data the reply payload
     */
    void respondError(int code, String description, byte[] data);
}
