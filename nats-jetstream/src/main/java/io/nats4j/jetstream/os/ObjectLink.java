package io.nats4j.jetstream.os;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a link points: an object in a bucket, or a whole bucket.
 *
 * @param bucket the bucket linked to
 * @param name the object linked to; empty for a link to the whole bucket
 */
public record ObjectLink(String bucket, Optional<String> name) {

    /**
     * Checks the components.
     *
     * @param bucket the bucket
     * @param name the object name
     */
    public ObjectLink {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(name, "name");
    }

    /**
     * Whether this links a whole bucket.
     *
     * @return true for a bucket link
     */
    public boolean isBucketLink() {
        return name.isEmpty();
    }
}
