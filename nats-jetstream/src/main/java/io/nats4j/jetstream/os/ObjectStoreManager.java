package io.nats4j.jetstream.os;

import io.nats4j.jetstream.JetStream;
import java.util.List;

/** Creates, binds and deletes object store buckets. Obtained from {@link JetStream#objectStore()}. */
public interface ObjectStoreManager {

    /**
     * The manager of a JetStream context.
     *
     * @param js the JetStream context
     * @return the manager
     */
    static ObjectStoreManager of(JetStream js) {
        return new ObjectStoreManagerImpl(js);
    }

    /**
     * Creates a bucket. Creating one that exists with the same configuration returns it.
     *
     * @param config the configuration
     * @return the bucket
     * @throws ObjectStoreException when the bucket exists with another configuration
     */
    ObjectStore create(ObjectStoreConfig config);

    /**
     * Binds to an existing bucket.
     *
     * @param name the bucket name
     * @return the bucket
     * @throws ObjectStoreException when there is no such bucket
     */
    ObjectStore bucket(String name);

    /**
     * Deletes a bucket and every object in it.
     *
     * @param name the bucket name
     * @return true when deleted, false when there was no such bucket
     */
    boolean delete(String name);

    /**
     * The names of all buckets.
     *
     * @return the names
     */
    List<String> bucketNames();
}
