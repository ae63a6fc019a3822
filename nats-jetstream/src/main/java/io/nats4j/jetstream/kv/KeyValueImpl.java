package io.nats4j.jetstream.kv;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.MessageStream;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.Stream;
import io.nats4j.jetstream.StoredMessage;
import io.nats4j.jetstream.StreamInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** A bucket over its stream: direct gets for reads, publishes with expected-sequence headers for writes. */
final class KeyValueImpl implements KeyValue {
    static final String OPERATION = "KV-Operation";
    static final String ROLLUP = "Nats-Rollup";
    private static final byte[] EMPTY = new byte[0];

    private final JetStream js;
    private final String bucket;
    private final Stream stream;
    /** {@code $KV.<bucket>.}: a key's subject is this plus the key. */
    private final String prefix;

    KeyValueImpl(JetStream js, String bucket, Stream stream) {
        this.js = js;
        this.bucket = bucket;
        this.stream = stream;
        this.prefix = "$KV." + bucket + ".";
    }

    @Override
    public String bucket() {
        return bucket;
    }

    private String subject(String key) {
        Keys.checkKey(key);
        return prefix + key;
    }

    static KeyValueOperation operation(Headers headers) {
        Optional<String> op = headers.first(OPERATION);
        if (op.isEmpty()) {
            return KeyValueOperation.PUT;
        }
        switch (op.get()) {
            case "DEL":
                return KeyValueOperation.DELETE;
            case "PURGE":
                return KeyValueOperation.PURGE;
            default:
                return KeyValueOperation.PUT;
        }
    }

    private KeyValueEntry entry(StoredMessage m, long delta) {
        return new KeyValueEntry(bucket, m.subject().substring(prefix.length()), m.data(), m.sequence(), delta,
                m.time(), operation(m.headers()));
    }

    KeyValueEntry entry(JetStreamMessage m) {
        return new KeyValueEntry(bucket, m.subject().substring(prefix.length()), m.data(),
                m.metadata().streamSequence(), m.metadata().pending(), m.metadata().timestamp(), operation(m.headers()));
    }

    @Override
    public Optional<KeyValueEntry> get(String key) {
        return stream.lastMessage(subject(key)).map(m -> entry(m, 0))
                .filter(e -> e.operation() == KeyValueOperation.PUT);
    }

    @Override
    public Optional<KeyValueEntry> get(String key, long revision) {
        String subject = subject(key);
        if (revision <= 0) {
            throw new io.nats4j.protocol.NatsIllegalArgumentException("revision must be positive, was " + revision);
        }
        return stream.message(revision).filter(m -> m.subject().equals(subject)).map(m -> entry(m, 0))
                .filter(e -> e.operation() == KeyValueOperation.PUT);
    }

    @Override
    public long put(String key, byte[] value) {
        Objects.requireNonNull(value, "value");
        return js.publish(subject(key), value).sequence();
    }

    @Override
    public long create(String key, byte[] value) {
        Objects.requireNonNull(value, "value");
        String subject = subject(key);
        try {
            return publishExpecting(subject, value, 0);
        } catch (JetStreamApiException e) {
            if (e.errorCode() != JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE) {
                throw e;
            }
            Optional<StoredMessage> last = stream.lastMessage(subject);
            if (last.isPresent() && operation(last.get().headers()) != KeyValueOperation.PUT) {
                try { // over a delete or purge marker: the marker's revision must still be the latest
                    return publishExpecting(subject, value, last.get().sequence());
                } catch (JetStreamApiException again) {
                    if (again.errorCode() != JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE) {
                        throw again;
                    }
                    throw new KeyValueException("key '" + key + "' in bucket '" + bucket + "' exists", again);
                }
            }
            throw new KeyValueException("key '" + key + "' in bucket '" + bucket + "' exists"
                    + last.map(m -> " (revision " + m.sequence() + ")").orElse(""), e);
        }
    }

    @Override
    public long update(String key, byte[] value, long expectedRevision) {
        Objects.requireNonNull(value, "value");
        String subject = subject(key);
        if (expectedRevision <= 0) {
            throw new io.nats4j.protocol.NatsIllegalArgumentException("update of key '" + key
                    + "': expected revision must be positive, was " + expectedRevision + " (use create for a new key)");
        }
        try {
            return publishExpecting(subject, value, expectedRevision);
        } catch (JetStreamApiException e) {
            if (e.errorCode() != JetStreamApiException.STREAM_WRONG_LAST_SEQUENCE) {
                throw e;
            }
            throw new KeyValueException("key '" + key + "' in bucket '" + bucket + "' is not at revision "
                    + expectedRevision, e);
        }
    }

    private long publishExpecting(String subject, byte[] value, long lastSubjectSequence) {
        PublishOptions options = PublishOptions.builder().expectedLastSubjectSequence(lastSubjectSequence).build();
        return js.publish(subject, new Headers(), value, options).sequence();
    }

    @Override
    public void delete(String key) {
        js.publish(subject(key), new Headers().put(OPERATION, "DEL"), EMPTY, PublishOptions.DEFAULT);
    }

    @Override
    public void purge(String key) {
        js.publish(subject(key), new Headers().put(OPERATION, "PURGE").put(ROLLUP, "sub"), EMPTY,
                PublishOptions.DEFAULT);
    }

    @Override
    public List<KeyValueEntry> history(String key) {
        String subject = subject(key);
        List<StoredMessage> messages = new ArrayList<>();
        long next = 1;
        Optional<StoredMessage> m;
        // at most `history` entries per key: one direct get each, no consumer to create and clean up
        while ((m = stream.nextMessage(next, subject)).isPresent()) {
            messages.add(m.get());
            next = m.get().sequence() + 1;
        }
        List<KeyValueEntry> entries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            entries.add(entry(messages.get(i), messages.size() - 1 - i));
        }
        return entries;
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys(">", keys::add);
        return keys;
    }

    @Override
    public void keys(String pattern, Consumer<String> onKey) {
        Keys.checkPattern(pattern);
        Objects.requireNonNull(onKey, "onKey");
        String filter = prefix + pattern;
        if (stream.nextMessage(1, filter).isEmpty()) {
            return; // nothing matches: a consumer would have nothing to say
        }
        OrderedConsumerConfig config = OrderedConsumerConfig.builder().filterSubject(filter)
                .deliverPolicy(DeliverPolicy.LAST_PER_SUBJECT).headersOnly(true).build();
        Duration wait = js.options().requestTimeout();
        io.nats4j.jetstream.Consumer consumer = js.orderedConsumer(stream.name(), config);
        long initial = consumer.info().numPending(); // creates the server consumer: delivers nothing before a pull
        long received = 0;
        try (MessageStream messages = consumer.messages(ConsumeOptions.DEFAULT)) {
            while (received < initial) { // keys written meanwhile may keep the pending count above 0
                Optional<JetStreamMessage> m = messages.next(wait);
                if (m.isEmpty()) {
                    if (consumer.info().numPending() == 0) {
                        return; // emptied (stream purged) meanwhile
                    }
                    continue;
                }
                received++;
                JetStreamMessage msg = m.get();
                if (operation(msg.headers()) == KeyValueOperation.PUT) {
                    onKey.accept(msg.subject().substring(prefix.length()));
                }
                if (msg.metadata().pending() == 0) {
                    return;
                }
            }
        }
    }

    @Override
    public KeyValueWatcher watch(String keyPattern, WatchOptions options, Consumer<KeyValueEntry> onEntry) {
        Keys.checkPattern(keyPattern);
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(onEntry, "onEntry");
        return new KeyValueWatcherImpl(js, this, stream, prefix + keyPattern, options, onEntry);
    }

    @Override
    public KeyValueStatus status() {
        StreamInfo info = stream.info();
        return new KeyValueStatus(bucket, info.state().messages(), (int) info.config().maxMessagesPerSubject(),
                info.config().maxAge(), info.state().bytes());
    }

    @Override
    public String toString() {
        return "KeyValue[" + bucket + "]";
    }
}
