package io.nats4j.client;

/**
 * Counters of a connection since it was created; a snapshot.
 *
 * @param inMsgs messages received
 * @param outMsgs messages published
 * @param inBytes payload bytes received
 * @param outBytes payload bytes published
 * @param reconnects successful reconnects
 * @param droppedMessages messages dropped because a subscription's pending limits were hit
 */
public record Statistics(long inMsgs, long outMsgs, long inBytes, long outBytes, long reconnects, long droppedMessages) {
}
