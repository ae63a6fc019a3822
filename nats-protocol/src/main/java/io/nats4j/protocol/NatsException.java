package io.nats4j.protocol;

/**
 * Root of every exception nats4j throws; unchecked.

 <p>Messages name what was wrong (a subject, an op, a host) and never carry a secret:
 no password, token, seed or JWT appears in a message of this hierarchy.
 */
public class NatsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NatsException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NatsException(String message, Throwable cause) {
        super(message, cause);
    }
}
