package io.nats4j.jetstream.kv;

import io.nats4j.jetstream.StorageType;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * A bucket's configuration. A bucket is the stream {@code KV_<bucket>} on the subjects
 * {@code $KV.<bucket>.>}.
 *
 * <pre>{@code
 * KeyValueConfig.builder().bucket("settings").history(5).ttl(Duration.ofDays(30)).build();
 * }</pre>
 *
 * @param bucket the bucket name: letters, digits, {@code -} and {@code _}
 * @param history values kept per key, 1 to 64
 * @param ttl how long a value is kept, {@link Duration#ZERO} for ever
 * @param maxValueSize the largest value accepted in bytes, -1 for the server's limit
 * @param maxBytes the most bytes the bucket holds, -1 for no limit
 * @param storage file or memory
 * @param replicas copies kept in a cluster, 1 to 5
 * @param description a description, empty when none
 */
public record KeyValueConfig(String bucket, int history, Duration ttl, int maxValueSize, long maxBytes,
        StorageType storage, int replicas, String description) {

    /** The most values kept per key. */
    public static final int MAX_HISTORY = 64;

    /**
     * Checks the components.
     *
     * @param bucket the bucket name
     * @param history values per key
     * @param ttl time to live
     * @param maxValueSize value size limit
     * @param maxBytes bucket size limit
     * @param storage storage type
     * @param replicas replicas
     * @param description description
     * @throws NatsIllegalArgumentException naming what is out of range
     */
    public KeyValueConfig {
        Keys.checkBucket(bucket);
        if (history < 1 || history > MAX_HISTORY) {
            throw new NatsIllegalArgumentException("bucket '" + bucket + "': history must be 1 to 64, was " + history);
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new NatsIllegalArgumentException("bucket '" + bucket + "': ttl must not be negative, was " + ttl);
        }
        if (maxValueSize == 0 || maxValueSize < -1 || maxBytes == 0 || maxBytes < -1) {
            throw new NatsIllegalArgumentException("bucket '" + bucket
                    + "': maxValueSize and maxBytes must be positive or -1 (no limit)");
        }
        Objects.requireNonNull(storage, "storage");
        if (replicas < 1 || replicas > 5) {
            throw new NatsIllegalArgumentException("bucket '" + bucket + "': replicas must be 1 to 5, was " + replicas);
        }
        Objects.requireNonNull(description, "description");
    }

    /**
     * A builder with the defaults: history 1, no TTL, no size limits, file storage, one replica.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this config's values.
     *
     * @return a builder
     */
    public Builder toBuilder() {
        return new Builder().bucket(bucket).history(history).ttl(ttl).maxValueSize(maxValueSize).maxBytes(maxBytes)
                .storage(storage).replicas(replicas).description(description);
    }

    /** Builds a {@link KeyValueConfig}; the bucket name is required. */
    public static final class Builder {
        private String bucket;
        private int history = 1;
        private Duration ttl = Duration.ZERO;
        private int maxValueSize = -1;
        private long maxBytes = -1;
        private StorageType storage = StorageType.FILE;
        private int replicas = 1;
        private String description = "";

        private Builder() {
        }

        /**
         * The bucket name (required).
         *
         * @param bucket letters, digits, {@code -} and {@code _}
         * @return this
         */
        public Builder bucket(String bucket) {
            this.bucket = Objects.requireNonNull(bucket, "bucket");
            return this;
        }

        /**
         * Values kept per key. Default 1.
         *
         * @param history 1 to 64
         * @return this
         */
        public Builder history(int history) {
            this.history = history;
            return this;
        }

        /**
         * How long values are kept. Default: for ever.
         *
         * @param ttl the time to live; zero for ever
         * @return this
         */
        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
            return this;
        }

        /**
         * The largest value accepted. Default: the server's message size limit.
         *
         * @param bytes the limit, -1 for none
         * @return this
         */
        public Builder maxValueSize(int bytes) {
            this.maxValueSize = bytes;
            return this;
        }

        /**
         * The most bytes the bucket holds; a put beyond is refused. Default: no limit.
         *
         * @param bytes the limit, -1 for none
         * @return this
         */
        public Builder maxBytes(long bytes) {
            this.maxBytes = bytes;
            return this;
        }

        /**
         * File or memory storage. Default: file.
         *
         * @param storage the storage type
         * @return this
         */
        public Builder storage(StorageType storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Copies kept in a cluster. Default 1.
         *
         * @param replicas 1 to 5
         * @return this
         */
        public Builder replicas(int replicas) {
            this.replicas = replicas;
            return this;
        }

        /**
         * A description. Default: empty.
         *
         * @param description the description
         * @return this
         */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Builds the config.
         *
         * @return the config
         * @throws NatsIllegalArgumentException when the bucket is missing or a value is out of range
         */
        public KeyValueConfig build() {
            if (bucket == null) {
                throw new NatsIllegalArgumentException("a key/value bucket needs a name");
            }
            return new KeyValueConfig(bucket, history, ttl, maxValueSize, maxBytes, storage, replicas, description);
        }
    }
}
