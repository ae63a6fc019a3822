package io.nats4j.jetstream.kv;

import io.nats4j.jetstream.JetStream;
import java.util.List;

/**
 * Creates, binds, updates and deletes key/value buckets. Obtained from {@link JetStream#keyValue()}.
 */
public interface KeyValueManager {

    /**
     * The manager of a JetStream context.
     *
     * @param js the JetStream context
     * @return the manager
     */
    static KeyValueManager of(JetStream js) {
        return new KeyValueManagerImpl(js);
    }

    /**
     * Creates a bucket. Creating one that exists with the same configuration returns it.
     *
     * @param config the bucket configuration
     * @return the bucket
     * @throws KeyValueException when the bucket exists with another configuration
     */
    KeyValue create(KeyValueConfig config);

    /**
     * Changes an existing bucket's configuration.
     *
     * @param config the new configuration
     * @return the bucket
     * @throws KeyValueException when the bucket does not exist
     */
    KeyValue update(KeyValueConfig config);

    /**
     * Binds to an existing bucket.
     *
     * @param name the bucket name
     * @return the bucket
     * @throws KeyValueException when there is no such bucket
     */
    KeyValue bucket(String name);

    /**
     * Deletes a bucket and everything in it.
     *
     * @param name the bucket name
     * @return true when deleted, false when there was no such bucket
     */
    boolean delete(String name);

    /**
     * The names of all buckets.
     *
     * @return the bucket names
     */
    List<String> bucketNames();
}
