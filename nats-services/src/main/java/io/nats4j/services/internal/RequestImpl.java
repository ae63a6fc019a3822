package io.nats4j.services.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.services.ServiceError;
import io.nats4j.services.ServiceRequest;
import java.util.Objects;

/**
 * One request on the endpoint worker's thread. The request is counted in the endpoint's stats just
 * before its first reply is published, so whoever holds a reply sees it in STATS.
 */
final class RequestImpl implements ServiceRequest {
    private static final byte[] EMPTY = new byte[0];

    private final Connection nc;
    private final Message message;
    private final EndpointWorker endpoint;
    private final long startNanos;
    private boolean recorded;
    private boolean errorCounted;

    RequestImpl(Connection nc, Message message, EndpointWorker endpoint, long startNanos) {
        this.nc = nc;
        this.message = message;
        this.endpoint = endpoint;
        this.startNanos = startNanos;
    }

    @Override
    public Message message() {
        return message;
    }

    @Override
    public void respond(byte[] data) {
        Objects.requireNonNull(data, "data");
        String to = replyTo();
        record(null);
        nc.publish(to, data);
    }

    @Override
    public void respond(Headers headers, byte[] data) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(data, "data");
        String to = replyTo();
        record(null);
        nc.publish(to, headers, data);
    }

    @Override
    public void respondError(int code, String description) {
        respondError(code, description, EMPTY);
    }

    @Override
    public void respondError(int code, String description, byte[] data) {
        Objects.requireNonNull(data, "data");
        ServiceError e = new ServiceError(code, description);
        String to = replyTo();
        record(e);
        nc.publish(to, e.toHeaders(), data);
    }

    private String replyTo() {
        return message.replyTo().orElseThrow(() -> new NatsIllegalArgumentException(
                "the request on '" + message.subject() + "' has no reply subject to answer"));
    }

    /**
     * Counts the request once, with its first error if it has one: a success reply followed by a
     * handler exception adds the error, a second error adds nothing.
     */
    void record(ServiceError error) {
        if (!recorded) {
            recorded = true;
            errorCounted = error != null;
            endpoint.record(System.nanoTime() - startNanos, error == null ? null : error.toString());
        } else if (error != null && !errorCounted) {
            errorCounted = true;
            endpoint.recordError(error.toString());
        }
    }

    boolean replied() {
        return recorded;
    }
}
