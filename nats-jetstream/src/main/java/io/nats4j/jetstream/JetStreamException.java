package io.nats4j.jetstream;

import io.nats4j.protocol.NatsException;

/**
 * A JetStream failure found on the client side: a malformed API response, a consumer that went away
 * during {@code consume}, missed heartbeats, a message that is not a JetStream message.
 * Errors the JetStream API itself reports are {@link JetStreamApiException}.
 */
public class JetStreamException extends NatsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what went wrong
     */
    public JetStreamException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public JetStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
