package io.nats4j.jetstream.os;

import io.nats4j.jetstream.StorageType;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.Objects;

/**
 * An object store bucket's configuration. A bucket is the stream {@code OBJ_<bucket>} on the subjects
 * {@code $O.<bucket>.C.>} (chunks) and {@code $O.<bucket>.M.>} (object info).
 *
 * @param bucket the bucket name: letters, digits, {@code -} and {@code _}
 * @param storage file or memory
 * @param replicas copies kept in a cluster, 1 to 5
 * @param maxBytes the most bytes the bucket holds, -1 for no limit
 * @param ttl how long objects are kept, {@link Duration#ZERO} for ever
 * @param description a description, empty when none
 */
public record ObjectStoreConfig(String bucket, StorageType storage, int replicas, long maxBytes, Duration ttl,
        String description) {

    /**
     * Checks the components.
     *
     * @param bucket the bucket name
     * @param storage the storage type
     * @param replicas the replicas
     * @param maxBytes the size limit
     * @param ttl the time to live
     * @param description the description
     * @throws NatsIllegalArgumentException naming what is wrong
     */
    public ObjectStoreConfig {
        Names.checkBucket(bucket);
        Objects.requireNonNull(storage, "storage");
        if (replicas < 1 || replicas > 5) {
            throw new NatsIllegalArgumentException("object store '" + bucket + "': replicas must be 1 to 5, was "
                    + replicas);
        }
        if (maxBytes == 0 || maxBytes < -1) {
            throw new NatsIllegalArgumentException("object store '" + bucket + "': maxBytes must be positive or -1");
        }
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative()) {
            throw new NatsIllegalArgumentException("object store '" + bucket + "': ttl must not be negative");
        }
        Objects.requireNonNull(description, "description");
    }

    /**
     * A builder with the defaults: file storage, one replica, no limits.
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
        return new Builder().bucket(bucket).storage(storage).replicas(replicas).maxBytes(maxBytes).ttl(ttl)
                .description(description);
    }

    /** Builds an {@link ObjectStoreConfig}; the bucket name is required. */
    public static final class Builder {
        private String bucket;
        private StorageType storage = StorageType.FILE;
        private int replicas = 1;
        private long maxBytes = -1;
        private Duration ttl = Duration.ZERO;
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
         * The most bytes the bucket holds. Default: no limit.
         *
         * @param maxBytes the limit, -1 for none
         * @return this
         */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /**
         * How long objects are kept. Default: for ever.
         *
         * @param ttl the time to live; zero for ever
         * @return this
         */
        public Builder ttl(Duration ttl) {
            this.ttl = Objects.requireNonNull(ttl, "ttl");
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
        public ObjectStoreConfig build() {
            if (bucket == null) {
                throw new NatsIllegalArgumentException("an object store bucket needs a name");
            }
            return new ObjectStoreConfig(bucket, storage, replicas, maxBytes, ttl, description);
        }
    }
}
