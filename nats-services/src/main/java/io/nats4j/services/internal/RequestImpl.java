package io.nats4j.services.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.services.ServiceError;
import io.nats4j.services.ServiceRequest;
import java.util.Objects;

/** One request on the endpoint worker's thread; remembers whether and how it was answered. */
final class RequestImpl implements ServiceRequest {
    private static final byte[] EMPTY = new byte[0];

    private final Connection nc;
    private final Message message;
    private boolean responded;
    private ServiceError error;

    RequestImpl(Connection nc, Message message) {
        this.nc = nc;
        this.message = message;
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public void respond(byte[] data) {
        Objects.requireNonNull(data, "data");
        nc.publish(replyTo(), data);
        responded = true;
    }

    @Override
    public void respond(Headers headers, byte[] data) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(data, "data");
        nc.publish(replyTo(), headers, data);
        responded = true;
    }

    @Override
    public void respondError(int code, String description) {
        respondError(code, description, EMPTY);
    }

    @Override
    public void respondError(int code, String description, byte[] data) {
        Objects.requireNonNull(data, "data");
        ServiceError e = new ServiceError(code, description);
        error = e; // counted even when the reply cannot be sent
        nc.publish(replyTo(), e.toHeaders(), data);
        responded = true;
    }

    private String replyTo() {
        return message.replyTo().orElseThrow(() -> new NatsIllegalArgumentException(
                "the request on '" + message.subject() + "' has no reply subject to answer"));
    }

    boolean responded() {
        return responded;
    }

    /** The error reply sent (or attempted), null when none. */
    ServiceError error() {
        return error;
    }
}
