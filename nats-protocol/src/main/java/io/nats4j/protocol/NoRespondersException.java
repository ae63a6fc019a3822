package io.nats4j.protocol;

/**
 * A request found no subscriber for its subject (the server answered with status 503).
 */
public class NoRespondersException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NoRespondersException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NoRespondersException(String message, Throwable cause) {
        super(message, cause);
    }
}
