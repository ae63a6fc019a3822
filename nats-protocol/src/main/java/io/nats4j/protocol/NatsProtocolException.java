package io.nats4j.protocol;

/**
 * Bytes that break the NATS protocol: a malformed frame from the server, or an operation
 the server's limits forbid. A protocol error on the receive side ends only the connection it came on.
 */
public class NatsProtocolException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what went wrong; never contains a secret
     */
    public NatsProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the cause.
     *
     * @param message what went wrong; never contains a secret
     * @param cause the underlying failure, often an {@link java.io.IOException}
     */
    public NatsProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
