package io.nats4j.jetstream.os;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.MessageStream;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.PurgeOptions;
import io.nats4j.jetstream.Stream;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.protocol.Nuid;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** A bucket over its stream; chunk transfer is in {@link ChunkWriter} and {@link ChunkReader}. */
final class ObjectStoreImpl implements ObjectStore {
    private final JetStream js;
    private final ObjectStoreManagerImpl manager;
    private final String bucket;
    private final Stream stream;
    private final String metaPrefix;

    ObjectStoreImpl(JetStream js, ObjectStoreManagerImpl manager, String bucket, Stream stream) {
        this.js = js;
        this.manager = manager;
        this.bucket = bucket;
        this.stream = stream;
        this.metaPrefix = "$O." + bucket + ".M.";
    }

    @Override
    public String bucket() {
        return bucket;
    }

    private String what(String name) {
        return "object '" + name + "' in '" + bucket + "'";
    }

    /** The latest info of a name, delete markers included. */
    private Optional<ObjectInfo> rawInfo(String name) {
        Names.checkObject(name);
        return stream.lastMessage(ChunkWriter.metaSubject(bucket, name)).map(m -> ObjectJson.parse(m.data(), m.time()));
    }

    @Override
    public Optional<ObjectInfo> info(String name) {
        return rawInfo(name).filter(i -> !i.deleted());
    }

    @Override
    public ObjectInfo put(String name, InputStream data) {
        return put(ObjectMeta.builder().name(name).build(), data);
    }

    @Override
    public ObjectInfo put(ObjectMeta meta, InputStream data) {
        Objects.requireNonNull(meta, "meta");
        Objects.requireNonNull(data, "data");
        if (meta.link().isPresent()) {
            throw new ObjectStoreException(what(meta.name()) + ": a put cannot store a link; use addLink");
        }
        ObjectInfo replaced = rawInfo(meta.name()).orElse(null);
        return new ChunkWriter(js, stream, bucket).put(meta, data, replaced);
    }

    @Override
    public ObjectInfo put(String name, byte[] data) {
        return put(name, new ByteArrayInputStream(Objects.requireNonNull(data, "data")));
    }

    @Override
    public ObjectInfo get(String name, OutputStream out) {
        Objects.requireNonNull(out, "out");
        ObjectInfo info = info(name).orElseThrow(() -> new ObjectStoreException("no " + what(name)));
        if (info.link().isEmpty()) {
            new ChunkReader(js, stream, bucket).read(info, out);
            return info;
        }
        ObjectLink link = info.link().get();
        if (link.isBucketLink()) {
            throw new ObjectStoreException(what(name) + " is a link to the bucket '" + link.bucket()
                    + "', not to an object");
        }
        ObjectStoreImpl target = link.bucket().equals(bucket) ? this : (ObjectStoreImpl) manager.bucket(link.bucket());
        ObjectInfo targetInfo = target.info(link.name().get()).orElseThrow(() -> new ObjectStoreException(
                what(name) + " links to " + target.what(link.name().get()) + ", which does not exist"));
        if (targetInfo.isLink()) {
            throw new ObjectStoreException(what(name) + " links to a link; links are followed only once");
        }
        new ChunkReader(js, target.stream, target.bucket).read(targetInfo, out);
        return targetInfo;
    }

    @Override
    public byte[] getBytes(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        get(name, out);
        return out.toByteArray();
    }

    @Override
    public void delete(String name) {
        ObjectInfo current = rawInfo(name).orElseThrow(() -> new ObjectStoreException("no " + what(name)));
        if (current.deleted()) {
            return;
        }
        ObjectInfo marker = new ObjectInfo(bucket, current.name(), current.nuid(), 0, 0, "", Instant.now(), true,
                current.meta());
        publishInfo(marker);
        if (!current.isLink()) {
            purge("$O." + bucket + ".C." + current.nuid());
        }
    }

    private void publishInfo(ObjectInfo info) {
        js.publish(ChunkWriter.metaSubject(bucket, info.name()), new Headers().put(ChunkWriter.ROLLUP, "sub"),
                ObjectJson.write(info), PublishOptions.DEFAULT);
    }

    private void purge(String subject) {
        stream.purge(PurgeOptions.builder().subject(subject).build());
    }

    @Override
    public List<ObjectInfo> list() {
        List<ObjectInfo> infos = new ArrayList<>();
        String filter = metaPrefix + ">";
        if (stream.nextMessage(1, filter).isEmpty()) {
            return infos;
        }
        OrderedConsumerConfig config = OrderedConsumerConfig.builder().filterSubject(filter)
                .deliverPolicy(DeliverPolicy.LAST_PER_SUBJECT).build();
        Duration wait = js.options().requestTimeout();
        io.nats4j.jetstream.Consumer consumer = js.orderedConsumer(stream.name(), config);
        long initial = consumer.info().numPending(); // creates the server consumer: delivers nothing before a pull
        long received = 0;
        try (MessageStream messages = consumer.messages(ConsumeOptions.DEFAULT)) {
            while (received < initial) { // objects stored meanwhile may keep the pending count above 0
                Optional<JetStreamMessage> m = messages.next(wait);
                if (m.isEmpty()) {
                    if (consumer.info().numPending() == 0) {
                        return infos;
                    }
                    continue;
                }
                received++;
                ObjectInfo info = ObjectJson.parse(m.get().data(), m.get().metadata().timestamp());
                if (!info.deleted()) {
                    infos.add(info);
                }
                if (m.get().metadata().pending() == 0) {
                    return infos;
                }
            }
        }
        return infos;
    }

    @Override
    public ObjectInfo updateMeta(String name, ObjectMeta meta) {
        Objects.requireNonNull(meta, "meta");
        ObjectInfo current = info(name).orElseThrow(() -> new ObjectStoreException("no " + what(name) + " to update"));
        boolean rename = !meta.name().equals(name);
        if (rename && info(meta.name()).isPresent()) {
            throw new ObjectStoreException("cannot rename " + what(name) + " to '" + meta.name() + "': it exists");
        }
        ObjectMeta updated = new ObjectMeta(meta.name(), meta.description(), meta.headers(), meta.metadata(),
                current.meta().chunkSize(), current.meta().link());
        ObjectInfo info = new ObjectInfo(bucket, meta.name(), current.nuid(), current.size(), current.chunks(),
                current.digest(), Instant.now(), false, updated);
        publishInfo(info);
        if (rename) {
            purge(ChunkWriter.metaSubject(bucket, name)); // the chunks now belong to the new name
        }
        return info;
    }

    @Override
    public ObjectInfo addLink(String name, ObjectInfo target) {
        Objects.requireNonNull(target, "target");
        if (target.deleted()) {
            throw new ObjectStoreException("cannot link " + what(name) + " to the deleted object '" + target.name() + "'");
        }
        if (target.isLink()) {
            throw new ObjectStoreException("cannot link " + what(name) + " to '" + target.name() + "', itself a link");
        }
        return link(name, new ObjectLink(target.bucket(), Optional.of(target.name())));
    }

    @Override
    public ObjectInfo addBucketLink(String name, ObjectStore target) {
        Objects.requireNonNull(target, "target");
        return link(name, new ObjectLink(target.bucket(), Optional.empty()));
    }

    private ObjectInfo link(String name, ObjectLink link) {
        Optional<ObjectInfo> existing = info(name);
        if (existing.isPresent() && !existing.get().isLink()) {
            throw new ObjectStoreException("cannot add link " + what(name) + ": an object has that name");
        }
        ObjectMeta meta = new ObjectMeta(name, "", new Headers(), Map.of(), ObjectMeta.DEFAULT_CHUNK_SIZE,
                Optional.of(link));
        ObjectInfo info = new ObjectInfo(bucket, name, Nuid.nextGlobal(), 0, 0, "", Instant.now(), false, meta);
        publishInfo(info);
        return info;
    }

    @Override
    public ObjectStoreWatcher watch(Consumer<ObjectInfo> onChange) {
        Objects.requireNonNull(onChange, "onChange");
        OrderedConsumerConfig config = OrderedConsumerConfig.builder().filterSubject(metaPrefix + ">")
                .deliverPolicy(DeliverPolicy.LAST_PER_SUBJECT).build();
        ConsumeContext context = js.orderedConsumer(stream.name(), config).consume(ConsumeOptions.DEFAULT,
                m -> onChange.accept(ObjectJson.parse(m.data(), m.metadata().timestamp())));
        return context::close;
    }

    @Override
    public void seal() {
        StreamInfo info = stream.info();
        js.updateStream(info.config().toBuilder().unknownField("sealed", "true").build());
    }

    @Override
    public ObjectStoreStatus status() {
        StreamInfo info = stream.info();
        boolean sealed = "true".equals(info.config().unknownFields().get("sealed"));
        return new ObjectStoreStatus(bucket, info.config().description(), info.config().maxAge(),
                info.config().storage(), info.config().replicas(), sealed, info.state().bytes());
    }

    @Override
    public String toString() {
        return "ObjectStore[" + bucket + "]";
    }
}
