package io.nats4j.bench.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The few operations a benchmark needs from a NATS client, so that one set of workload runners
 * measures nats4j and io.nats:jnats alike. One instance is one connection.
 *
 * <p>Threading: {@link #publish} and {@link #request} may be called from one thread at a time per
 * client (each benchmark client has its own thread); receivers run on the client's own dispatch threads.
 */
public interface BenchClient extends AutoCloseable {

    /**
     * Publishes a message.
     *
     * @param subject the subject
     * @param data the payload; the client may keep a reference until it is written
     */
    void publish(String subject, byte[] data);

    /**
     * Publishes a message with a reply subject.
     *
     * @param subject the subject
     * @param replyTo the reply subject
     * @param data the payload
     */
    void publish(String subject, String replyTo, byte[] data);

    /**
     * Subscribes with an asynchronous handler and no pending limits.
     *
     * @param subject the subject
     * @param queue the queue group, or {@code null} for none
     * @param receiver called for each message on the client's dispatch thread
     * @return the subscription
     */
    BenchSubscription subscribe(String subject, String queue, Receiver receiver);

    /**
     * Sends a request and waits for the reply.
     *
     * @param subject the subject
     * @param data the payload
     * @param timeout how long to wait
     * @return the reply's payload, or {@code null} when none came in time
     */
    byte[] request(String subject, byte[] data, Duration timeout);

    /**
     * Sends a request without waiting.
     *
     * @param subject the subject
     * @param data the payload
     * @param timeout how long the reply may take
     * @return completes with the reply's payload, or exceptionally on a timeout or error
     */
    CompletableFuture<byte[]> requestAsync(String subject, byte[] data, Duration timeout);

    /**
     * Round trip to the server: everything published before has been processed by it.
     *
     * @param timeout how long to wait for the PONG
     */
    void flush(Duration timeout);

    /**
     * Returns the reconnects counted by the client since it connected.
     *
     * @return the reconnect count
     */
    long reconnects();

    /**
     * Returns the messages the client dropped (slow consumer) since it connected.
     *
     * @return the dropped count
     */
    long dropped();

    /**
     * Returns the URL the client is connected to, for reports.
     *
     * @return the URL, credentials redacted, or {@code "?"}
     */
    String connectedUrl();

    /** Closes the connection. */
    @Override
    void close();

    /** A message handler that sees only what the benchmark needs. */
    @FunctionalInterface
    interface Receiver {
        /**
         * Called for each message.
         *
         * @param data the payload
         * @param replyTo the reply subject, or {@code null}
         */
        void onMessage(byte[] data, String replyTo);
    }

    /** A subscription made by {@link #subscribe}. */
    interface BenchSubscription {
        /** Unsubscribes. */
        void unsubscribe();

        /**
         * Returns the messages this subscription dropped because its client could not keep up.
         *
         * @return the dropped count
         */
        long dropped();
    }
}
