package io.nats4j.jetstream.os;

import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.Stream;
import io.nats4j.jetstream.StreamConfig;
import java.util.ArrayList;
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
        try {
            js.createStream(streamConfig(config));
        } catch (JetStreamApiException e) {
            if (e.errorCode() == JetStreamApiException.STREAM_NAME_IN_USE) {
                throw new ObjectStoreException("object store '" + config.bucket()
                        + "' exists with another configuration", e);
            }
            throw e;
        }
        return bucket(config.bucket());
    }

    @Override
    public ObjectStore bucket(String name) {
        Names.checkBucket(name);
        Stream stream;
        try {
            stream = js.stream(STREAM_PREFIX + name);
        } catch (JetStreamApiException e) {
            if (e.errorCode() == JetStreamApiException.STREAM_NOT_FOUND) {
                throw new ObjectStoreException("no object store '" + name + "'", e);
            }
            throw e;
        }
        return new ObjectStoreImpl(js, this, name, stream);
    }

    @Override
    public boolean delete(String name) {
        Names.checkBucket(name);
        return js.deleteStream(STREAM_PREFIX + name);
    }

    @Override
    public List<String> bucketNames() {
        List<String> names = new ArrayList<>();
        for (String s : js.streamNames()) {
            if (s.startsWith(STREAM_PREFIX) && s.length() > STREAM_PREFIX.length()) {
                names.add(s.substring(STREAM_PREFIX.length()));
            }
        }
        return names;
    }
}
