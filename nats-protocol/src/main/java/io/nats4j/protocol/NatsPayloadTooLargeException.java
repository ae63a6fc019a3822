package io.nats4j.protocol;

/**
 * A publish larger than the server's {@code max_payload}; thrown synchronously, nothing was sent.
 */
public class NatsPayloadTooLargeException extends NatsProtocolException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NatsPayloadTooLargeException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NatsPayloadTooLargeException(String message, Throwable cause) {
        super(message, cause);
    }
}
