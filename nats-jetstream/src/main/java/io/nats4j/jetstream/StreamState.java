package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Optional;

/**
 * What a stream holds right now.
 *
 * @param messages messages stored
 * @param bytes bytes stored
 * @param firstSequence sequence of the first stored message (0 when the stream never had one)
 * @param lastSequence sequence of the last stored message
 * @param consumerCount consumers on the stream
 * @param deletedCount messages deleted between the first and last sequence
 * @param subjectCount distinct subjects stored
 * @param firstTime when the first stored message was stored
 * @param lastTime when the last stored message was stored
 */
public record StreamState(long messages, long bytes, long firstSequence, long lastSequence, int consumerCount,
                          long deletedCount, long subjectCount, Optional<Instant> firstTime,
                          Optional<Instant> lastTime) {
}
