package io.nats4j.protocol;

/**
 * A blocking call or a future did not complete before its timeout.
 */
public class NatsTimeoutException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NatsTimeoutException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NatsTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
