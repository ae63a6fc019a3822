package io.nats4j.client;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Counters of a connection since it was created; a snapshot.
 *
 * <p>Taken without stopping the connection, so counters that move together may be a few messages
 * apart. The same figures reach JDK Flight Recorder every 10 s as the {@code io.nats4j.Statistics}
 * event while a recording runs.
 *
 * @param inMsgs messages received
 * @param outMsgs messages published
 * @param inBytes payload bytes received
 * @param outBytes payload bytes published
 * @param reconnects successful reconnects
 * @param droppedMessages messages dropped because a subscription's pending limits were hit
 * @param pendingMessages messages waiting for delivery, summed over the open subscriptions
 * @param pendingBytes payload bytes waiting for delivery, summed over the open subscriptions
 * @param reconnectAttempts reconnect handshakes tried, failed or not
 * @param lastRtt the last round trip measured to the server (a PING of {@link Connection#rtt()},
 *     {@link Connection#flush(Duration)} or a drain), empty before the first
 * @param outboundHighWaterMark the most bytes the outbound buffer ever held (publishes waiting for
 *     the writer, or buffered while disconnected)
 * @param subscriptions the open subscriptions' own counters, in the order they were made
 */
public record Statistics(long inMsgs, long outMsgs, long inBytes, long outBytes, long reconnects, long droppedMessages,
        long pendingMessages, long pendingBytes, long reconnectAttempts, Optional<Duration> lastRtt,
        long outboundHighWaterMark, List<SubscriptionStatistics> subscriptions) {

    /**
     * The first six counters only; the others zero or empty.
     *
     * @param inMsgs messages received
     * @param outMsgs messages published
     * @param inBytes payload bytes received
     * @param outBytes payload bytes published
     * @param reconnects successful reconnects
     * @param droppedMessages messages dropped because a subscription's pending limits were hit
     */
    public Statistics(long inMsgs, long outMsgs, long inBytes, long outBytes, long reconnects, long droppedMessages) {
        this(inMsgs, outMsgs, inBytes, outBytes, reconnects, droppedMessages, 0, 0, 0, Optional.empty(), 0, List.of());
    }
}
