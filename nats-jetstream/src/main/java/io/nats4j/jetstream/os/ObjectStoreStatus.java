package io.nats4j.jetstream.os;

import io.nats4j.jetstream.StorageType;
import java.time.Duration;

/**
 * A bucket's state.
 *
 * @param bucket the bucket name
 * @param description the description
 * @param ttl how long objects are kept, {@link Duration#ZERO} for ever
 * @param storage file or memory
 * @param replicas copies kept
 * @param sealed whether the bucket refuses every change
 * @param size bytes held, chunks and metadata together
 */
public record ObjectStoreStatus(String bucket, String description, Duration ttl, StorageType storage, int replicas,
        boolean sealed, long size) {
}
