package io.nats4j.jetstream.kv;

import io.nats4j.jetstream.DiscardPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.Stream;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.internal.BucketStreams;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Buckets as streams {@code KV_<bucket>} on {@code $KV.<bucket>.>} (ADR-8). */
final class KeyValueManagerImpl implements KeyValueManager {
    static final String STREAM_PREFIX = "KV_";
    private static final Duration MAX_DUPLICATE_WINDOW = Duration.ofMinutes(2);

    private final JetStream js;

    KeyValueManagerImpl(JetStream js) {
        this.js = Objects.requireNonNull(js, "js");
    }

    static StreamConfig streamConfig(KeyValueConfig c) {
        StreamConfig.Builder b = StreamConfig.builder()
                .name(STREAM_PREFIX + c.bucket())
                .subjects("$KV." + c.bucket() + ".>")
                .description(c.description())
                .storage(c.storage())
                .replicas(c.replicas())
                .maxMessagesPerSubject(c.history())
                .maxAge(c.ttl())
                .maxMessageSize(c.maxValueSize())
                .maxBytes(c.maxBytes())
                .discard(DiscardPolicy.NEW)
                .allowRollup(true)
                .denyDelete(true)
                .allowDirect(true);
        if (!c.ttl().isZero()) {
            b.duplicateWindow(c.ttl().compareTo(MAX_DUPLICATE_WINDOW) > 0 ? MAX_DUPLICATE_WINDOW : c.ttl());
        }
        return b.build();
    }

    @Override
    public KeyValue create(KeyValueConfig config) {
        BucketStreams.translating(() -> js.createStream(streamConfig(config)),
                JetStreamApiException.STREAM_NAME_IN_USE,
                e -> new KeyValueException("key/value bucket '" + config.bucket()
                        + "' exists with another configuration", e));
        return bucket(config.bucket());
    }

    @Override
    public KeyValue update(KeyValueConfig config) {
        BucketStreams.translating(() -> js.updateStream(streamConfig(config)),
                JetStreamApiException.STREAM_NOT_FOUND,
                e -> new KeyValueException("no key/value bucket '" + config.bucket() + "' to update", e));
        return bucket(config.bucket());
    }

    @Override
    public KeyValue bucket(String name) {
        Keys.checkBucket(name);
        Stream stream = BucketStreams.translating(() -> js.stream(STREAM_PREFIX + name),
                JetStreamApiException.STREAM_NOT_FOUND,
                e -> new KeyValueException("no key/value bucket '" + name + "'", e));
        return new KeyValueImpl(js, name, stream);
    }

    @Override
    public boolean delete(String name) {
        Keys.checkBucket(name);
        return js.deleteStream(STREAM_PREFIX + name);
    }

    @Override
    public List<String> bucketNames() {
        return BucketStreams.bucketNames(js, STREAM_PREFIX);
    }
}
