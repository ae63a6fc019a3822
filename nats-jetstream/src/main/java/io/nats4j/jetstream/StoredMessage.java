package io.nats4j.jetstream;

import io.nats4j.client.Headers;
import java.time.Instant;

/**
 * A message read straight from a stream by sequence or by subject ({@link Stream#message},
 * {@link Stream#lastMessage}).
 *
 * @param subject the subject it was published to
 * @param sequence its stream sequence
 * @param headers its headers, empty when none
 * @param data its payload, owned by this record
 * @param time when it was stored
 */
public record StoredMessage(String subject, long sequence, Headers headers, byte[] data, Instant time) {
}
