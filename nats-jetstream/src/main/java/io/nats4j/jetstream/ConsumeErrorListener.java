package io.nats4j.jetstream;

/**
 * Told about problems of a running {@link Consumer#consume} or {@link Consumer#messages}: warnings
 * it recovers from by itself (missed heartbeats, {@code 409 Exceeded MaxWaiting}, a pull request
 * refused while the consumer is being re-created) and the terminal error that ends it
 * ({@code 409 Consumer Deleted}, {@code 409 Consumer is push based}, {@code 400 Bad Request}).
 *
 * <p>Runs on the JetStream executor; must be fast and must not throw.
 */
@FunctionalInterface
public interface ConsumeErrorListener {

    /**
     * A problem happened.
     *
     * @param error what happened: a {@link JetStreamStatusException} for a pull status, a
     *     {@link JetStreamException} otherwise
     * @param terminal true when consumption has ended because of it
     */
    void onError(JetStreamException error, boolean terminal);
}
