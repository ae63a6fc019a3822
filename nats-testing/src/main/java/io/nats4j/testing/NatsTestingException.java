package io.nats4j.testing;

/**
 * Thrown when the test fixture cannot do what it was asked: the {@code nats-server} binary is
 * missing, a server does not start or stop in time, certificates cannot be generated, or the
 * monitoring endpoint cannot be read. The message says what failed and, for a server, includes
 * its log.
 */
public final class NatsTestingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message.
     *
     * @param message what failed
     */
    public NatsTestingException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the underlying cause.
     *
     * @param message what failed
     * @param cause the underlying failure
     */
    public NatsTestingException(String message, Throwable cause) {
        super(message, cause);
    }
}
