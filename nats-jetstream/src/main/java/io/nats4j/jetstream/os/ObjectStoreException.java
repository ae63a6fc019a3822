package io.nats4j.jetstream.os;

import io.nats4j.protocol.NatsException;

/**
 * An object store operation failed: no such object or bucket, an object read back with the wrong
 * size or SHA-256 digest, a link that is not allowed, a sealed bucket, a put whose chunks were not
 * all stored. The message names the bucket and object; the underlying failure is kept as the cause.
 */
public class ObjectStoreException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong, naming the bucket and object
     */
    public ObjectStoreException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what went wrong, naming the bucket and object
     * @param cause the underlying failure
     */
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
