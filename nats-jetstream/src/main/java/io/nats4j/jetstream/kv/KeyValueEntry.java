package io.nats4j.jetstream.kv;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * One value of a key, or a delete/purge marker, as read by {@code get}, {@code history} and watchers.
 *
 * @param bucket the bucket
 * @param key the key
 * @param value the value; empty for delete and purge markers and for metadata-only watchers
 * @param revision the stream sequence that stored it, unique in the bucket and increasing
 * @param delta how many newer messages matched when this one was read (0 for the latest; in a
 *     watcher, how many of the initial values are still to come)
 * @param created when the server stored it
 * @param operation what it records
 */
public record KeyValueEntry(String bucket, String key, byte[] value, long revision, long delta, Instant created,
        KeyValueOperation operation) {

    /**
     * Checks the components.
     *
     * @param bucket the bucket
     * @param key the key
     * @param value the value
     * @param revision the revision
     * @param delta the delta
     * @param created the time
     * @param operation the operation
     */
    public KeyValueEntry {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(operation, "operation");
    }

    /**
     * The value decoded as UTF-8.
     *
     * @return the value text
     */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "KeyValueEntry[" + bucket + "/" + key + " rev=" + revision + " " + operation + " " + value.length
                + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValueEntry e && e.bucket.equals(bucket) && e.key.equals(key)
                && java.util.Arrays.equals(e.value, value) && e.revision == revision && e.delta == delta
                && e.created.equals(created) && e.operation == operation;
    }

    @Override
    public int hashCode() {
        return Objects.hash(bucket, key, revision, operation);
    }
}
