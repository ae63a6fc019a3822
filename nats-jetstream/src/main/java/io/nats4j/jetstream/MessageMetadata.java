package io.nats4j.jetstream;

import java.time.Instant;
import java.util.Optional;

/**
 * Where a consumed message comes from, parsed from its ack subject. Both layouts are understood:
 * {@code $JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<cseq>.<time>.<pending>} and the newer one
 * with domain and account hash in front ({@code $JS.ACK.<domain>.<hash>.<stream>...}).
 *
 * @param stream the stream name
 * @param consumer the consumer name
 * @param streamSequence the message's stream sequence
 * @param consumerSequence the consumer's delivery sequence
 * @param deliveredCount how often the message has been delivered (1 the first time)
 * @param pending messages left for the consumer after this one
 * @param timestamp when the message was stored
 * @param domain the JetStream domain, when the subject names one
 */
public record MessageMetadata(String stream, String consumer, long streamSequence, long consumerSequence,
                              long deliveredCount, long pending, Instant timestamp, Optional<String> domain) {
}
