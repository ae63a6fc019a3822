package io.nats4j.client;

/**
 * A listener added to a running {@link Connection}; closing it removes the listener.
 *
 * <pre>{@code
 * try (Registration r = nc.addConnectionListener((c, e) -> log(e))) {
 *     ...
 * }
 * }</pre>
 *
 * <p>Threading: {@link #close()} may be called from any thread, a listener included. A call already
 * handed to the events thread may still arrive right after {@code close()} returns.
 */
public interface Registration extends AutoCloseable {

    /** Removes the listener. Idempotent; never throws. */
    @Override
    void close();
}
