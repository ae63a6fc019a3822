package io.nats4j.protocol;

/**
 * The connection could not be made, was lost, or is closed.
 */
public class NatsConnectionException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NatsConnectionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NatsConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
