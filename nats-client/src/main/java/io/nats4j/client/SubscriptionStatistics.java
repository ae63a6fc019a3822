package io.nats4j.client;

import java.util.Optional;

/**
 * One subscription's counters within {@link Statistics}; a snapshot.
 *
 * @param subject the subject subscribed to
 * @param queueGroup the queue group, if any
 * @param pendingMessages messages waiting for delivery
 * @param pendingBytes payload bytes waiting for delivery
 * @param droppedMessages messages dropped because its pending limits were hit
 * @param deliveredMessages messages handed to its handler or returned by {@code nextMessage}
 */
public record SubscriptionStatistics(String subject, Optional<String> queueGroup, long pendingMessages,
        long pendingBytes, long droppedMessages, long deliveredMessages) {

    /**
     * The snapshot of a subscription.
     *
     * @param s the subscription
     * @return its counters now
     */
    public static SubscriptionStatistics of(Subscription s) {
        return new SubscriptionStatistics(s.subject(), s.queueGroup(), s.pendingMessages(), s.pendingBytes(),
                s.droppedMessages(), s.deliveredMessages());
    }
}
