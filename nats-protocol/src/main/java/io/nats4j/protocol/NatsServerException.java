package io.nats4j.protocol;

/**
 * The server reported an error with {@code -ERR}; {@link #serverError()} is its text without the quotes.
 */
public class NatsServerException extends NatsException {
    private static final long serialVersionUID = 1L;

    /** The {@code -ERR} text as the server sent it, quotes removed (part of the serialized form). */
    private final String serverError;

    /**
     * Creates the exception for an {@code -ERR} text.
     *
     * @param serverError the error text the server sent, quotes removed
     */
    public NatsServerException(String serverError) {
        super("server error: " + serverError);
        this.serverError = serverError;
    }

    /**
     * The error text the server sent, without the surrounding quotes.
     *
     * @return the {@code -ERR} text
     */
    public String serverError() {
        return serverError;
    }
}
