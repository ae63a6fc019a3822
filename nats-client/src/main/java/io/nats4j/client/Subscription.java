package io.nats4j.client;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Interest in a subject. Synchronous subscriptions are read with {@link #nextMessage}; asynchronous
 * ones hand messages to their {@link MessageHandler}.
 *
 * <p>Each subscription has pending limits (messages and bytes, default 512k and 64 MiB, see
 * {@link Options.Builder#pendingLimits}). When they are hit, new messages are dropped and counted,
 * and the {@link ErrorListener#slowConsumer} is told; the connection never blocks on a slow consumer.
 */
public interface Subscription {

    /**
     * The subject (may contain wildcards).
     *
     * @return the subject
     */
    String subject();

    /**
     * The queue group, if any.
     *
     * @return the queue group
     */
    Optional<String> queueGroup();

    /**
     * Waits for the next message of a synchronous subscription.
     *
     * @param timeout how long to wait
     * @return the next message, or {@code null} when none came in time (like {@code BlockingQueue.poll})
     * @throws io.nats4j.protocol.NatsException when the subscription is asynchronous, or is no longer
     *     active and has nothing pending (unsubscribed, auto-unsubscribe limit reached, connection closed)
     */
    Message nextMessage(Duration timeout);

    /**
     * Stops the subscription now; messages still pending are discarded.
     */
    void unsubscribe();

    /**
     * Unsubscribes automatically once {@code afterMessages} messages in total have been received.
     * If that many have already arrived, unsubscribes now.
     *
     * @param afterMessages the total number of messages to receive
     */
    void unsubscribe(int afterMessages);

    /**
     * Sets the pending limits; a value of 0 or less means no limit.
     *
     * @param messages most messages held
     * @param bytes most payload bytes held
     */
    void setPendingLimits(long messages, long bytes);

    /**
     * Messages received and not yet delivered.
     *
     * @return the count
     */
    long pendingMessages();

    /**
     * Payload bytes received and not yet delivered.
     *
     * @return the byte count
     */
    long pendingBytes();

    /**
     * Messages dropped because the pending limits were hit.
     *
     * @return the count
     */
    long droppedMessages();

    /**
     * Messages handed to the handler or returned by {@link #nextMessage}.
     *
     * @return the count
     */
    long deliveredMessages();

    /**
     * Stops receiving new messages, delivers what is pending, then unsubscribes.
     *
     * @param timeout how long delivering may take
     * @return completes when done; exceptionally with {@link io.nats4j.protocol.NatsTimeoutException}
     *     when the timeout passed first
     */
    CompletableFuture<Void> drain(Duration timeout);

    /**
     * Whether the subscription still receives messages.
     *
     * @return false after unsubscribe, drain, the auto-unsubscribe limit, or close
     */
    boolean isActive();
}
