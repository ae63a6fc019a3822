package io.nats4j.jetstream.kv;

import java.time.Duration;

/**
 * A bucket's state.
 *
 * @param bucket the bucket name
 * @param values messages held, historic values and delete markers included
 * @param history values kept per key
 * @param ttl how long values are kept, {@link Duration#ZERO} for ever
 * @param bytes bytes held
 */
public record KeyValueStatus(String bucket, long values, int history, Duration ttl, long bytes) {
}
