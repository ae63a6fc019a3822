package io.nats4j.jetstream.kv;

import io.nats4j.protocol.NatsException;

/**
 * A key/value operation could not be done as asked: a {@code create} over a live key, an
 * {@code update} at a stale revision, a bucket that does not exist or exists with another
 * configuration. The message names the bucket and key; a server error is kept as the cause.
 */
public class KeyValueException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the bucket and key
     */
    public KeyValueException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the bucket and key
     * @param cause the underlying failure, often a {@link io.nats4j.jetstream.JetStreamApiException}
     */
    public KeyValueException(String message, Throwable cause) {
        super(message, cause);
    }
}
