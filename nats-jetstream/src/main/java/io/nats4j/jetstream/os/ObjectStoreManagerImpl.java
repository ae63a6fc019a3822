package io.nats4j.jetstream.os;

import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.Stream;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.internal.BucketStreams;
import java.util.List;
import java.util.Objects;

/** Buckets as streams {@code OBJ_<bucket>} on {@code $O.<bucket>.C.>} and {@code $O.<bucket>.M.>} (ADR-20). */
final class ObjectStoreManagerImpl implements ObjectStoreManager {
    static final String STREAM_PREFIX = "OBJ_";

    private final JetStream js;

    ObjectStoreManagerImpl(JetStream js) {
        this.js = Objects.requireNonNull(js, "js");
    }

    static StreamConfig streamConfig(ObjectStoreConfig c) {
        return StreamConfig.builder()
                .name(STREAM_PREFIX + c.bucket())
                .subjects("$O." + c.bucket() + ".C.>", "$O." + c.bucket() + ".M.>")
                .description(c.description())
                .storage(c.storage())
                .replicas(c.replicas())
                .maxBytes(c.maxBytes())
                .maxAge(c.ttl())
                .discard(DiscardPolicy.NEW)
                .allowRollup(true)
                .allowDirect(true)
                .build();
    }

    @Override
    public ObjectStore create(ObjectStoreConfig config) {
        BucketStreams.translating(() -> js.createStream(streamConfig(config)),
                JetStreamApiException.STREAM_NAME_IN_USE,
                e -> new ObjectStoreException("object store '" + config.bucket()
                        + "' exists with another configuration", e));
        return bucket(config.bucket());
    }

    @Override
    public ObjectStore bucket(String name) {
        Names.checkBucket(name);
        Stream stream = BucketStreams.translating(() -> js.stream(STREAM_PREFIX + name),
                JetStreamApiException.STREAM_NOT_FOUND,
                e -> new ObjectStoreException("no object store '" + name + "'", e));
        return new ObjectStoreImpl(js, this, name, stream);
    }

    @Override
    public boolean delete(String name) {
        Names.checkBucket(name);
        return js.deleteStream(STREAM_PREFIX + name);
    }

    @Override
    public List<String> bucketNames() {
        return BucketStreams.bucketNames(js, STREAM_PREFIX);
    }
}
