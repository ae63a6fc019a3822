package io.nats4j.bench.core;

/**
 * A benchmark could not run: bad settings, an unreachable server, a failed connect. Its message is
 * one line meant for the user, free of secrets.
 */
public final class BenchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the one-line explanation
     */
    public BenchException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message the one-line explanation
     * @param cause what failed underneath
     */
    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }
}
