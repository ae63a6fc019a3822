package io.nats4j.jetstream;

import java.util.concurrent.CompletableFuture;

/** A running {@link Consumer#consume}: stop it gracefully or close it. */
public interface ConsumeContext extends AutoCloseable {

    /**
     * Stops pulling; messages already requested from the server or buffered are still delivered to
     * the handler, then {@link #closed()} completes. Loses nothing.
     */
    void stop();

    /**
     * Completes when consumption has ended: after {@link #stop()} delivered what was buffered, after
     * {@link #close()}, or exceptionally with the terminal error (for instance the consumer was
     * deleted).
     *
     * @return the future
     */
    CompletableFuture<Void> closed();

    /**
     * Stops now: no more deliveries after the one running; buffered messages are dropped (the server
     * redelivers unacknowledged ones).
     */
    @Override
    void close();
}
