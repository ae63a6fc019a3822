package io.nats4j.protocol;

/**
 * Bad input to an API call: an invalid subject, queue group, header name or value, URL
 or option. The message names the offending argument; the call had no effect.
 */
public class NatsIllegalArgumentException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NatsIllegalArgumentException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NatsIllegalArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
