package io.nats4j.protocol;

/**
 * The server refused our credentials (for example {@code -ERR 'Authorization Violation'}).
 */
public class NatsAuthException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NatsAuthException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NatsAuthException(String message, Throwable cause) {
        super(message, cause);
    }
}
