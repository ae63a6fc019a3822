package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.AckPolicy;
import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.Consumer;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.DeliverPolicy;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.JetStreamMessageHandler;
import io.nats4j.jetstream.MessageMetadata;
import io.nats4j.jetstream.MessageStream;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.Nuid;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ordered consumer: an ephemeral, in-memory, single-replica pull consumer without acks, read
 * strictly in stream order. Whenever the consumer sequence skips (a gap), heartbeats stop, the
 * consumer is deleted or the connection is re-established, the server consumer is replaced by a new
 * one starting right after the last stream sequence handed out. Pulling is its flow control: the
 * server never sends more than was asked for.
 */
final class OrderedConsumer implements Consumer {

    /** The server removes a consumer left behind (client gone) after this long. */
    static final Duration INACTIVE_THRESHOLD = Duration.ofMinutes(5);

    private final JetStreamImpl js;
    private final String stream;
    private final OrderedConsumerConfig config;
    private final String namePrefix = Nuid.nextGlobal();
    private final Object lock = new Object();
    private int serial; // guarded by lock
    private String current; // guarded by lock: the server consumer in use, null before the first
    private String nextSubject; // guarded by lock
    private long lastStreamSeq; // guarded by lock: of the last message handed out
    private long expectedConsumerSeq = 1; // guarded by lock
    private boolean needReset = true; // guarded by lock
    private boolean consuming; // guarded by lock

    OrderedConsumer(JetStreamImpl js, String stream, OrderedConsumerConfig config) {
        this.js = js;
        this.stream = Names.checkName(stream, "stream name");
        this.config = config;
    }

    @Override
    public String stream() {
        return stream;
    }

    @Override
    public String name() {
        synchronized (lock) {
            return current == null ? "" : current;
        }
    }

    @Override
    public ConsumerInfo info() {
        String name;
        synchronized (lock) {
            if (current == null) {
                recreateLocked();
            }
            name = current;
        }
        return js.consumerInfo(stream, name);
    }

    /** The server config of the next consumer: resume right after the last message handed out. */
    private ConsumerConfig serverConfig(String name) {
        ConsumerConfig.Builder b = ConsumerConfig.builder().name(name).ackPolicy(AckPolicy.NONE).maxDeliver(1)
                .memoryStorage(true).replicas(1).inactiveThreshold(INACTIVE_THRESHOLD)
                .headersOnly(config.headersOnly());
        config.filterSubject().ifPresent(b::filterSubject);
        if (lastStreamSeq > 0) {
            b.startSequence(lastStreamSeq + 1);
        } else {
            b.deliverPolicy(config.deliverPolicy());
            if (config.deliverPolicy() == DeliverPolicy.BY_START_SEQUENCE) {
                b.startSequence(config.startSequence());
            }
            config.startTime().ifPresent(b::startTime);
        }
        return b.build();
    }

    /** Lock held. Deletes the old server consumer (best effort) and creates the next. */
    private void recreateLocked() {
        String old = current;
        if (old != null) {
            deleteQuietly(old);
        }
        String name = namePrefix + "_" + (++serial);
        js.createOrUpdateConsumer(stream, serverConfig(name));
        current = name;
        nextSubject = js.api().subject("CONSUMER.MSG.NEXT." + stream + "." + name);
        expectedConsumerSeq = 1;
        needReset = false;
    }

    private void deleteQuietly(String name) {
        try {
            js.deleteConsumer(stream, name);
        } catch (RuntimeException e) {
            // gone already, or the server is away: its inactive threshold removes it
        }
    }

    /** Checks order (lock held); false means a gap: nothing from here on is handed out. */
    private boolean acceptLocked(JsMessage m) {
        MessageMetadata md = m.metadata();
        if (!md.consumer().equals(current) || md.consumerSequence() != expectedConsumerSeq) {
            needReset = true;
            return false;
        }
        expectedConsumerSeq++;
        lastStreamSeq = md.streamSequence();
        return true;
    }

    @Override
    public Optional<JetStreamMessage> next(Duration maxWait) {
        List<JetStreamMessage> one = fetch(1, maxWait);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    @Override
    public List<JetStreamMessage> fetch(int maxMessages, Duration maxWait) {
        PullConsumer.checkCount(maxMessages, "maxMessages");
        PullConsumer.checkWait(maxWait);
        return pull(maxMessages, 0, maxWait, false);
    }

    @Override
    public List<JetStreamMessage> fetchBytes(long maxBytes, Duration maxWait) {
        PullConsumer.checkCount(maxBytes, "maxBytes");
        PullConsumer.checkWait(maxWait);
        return pull(1_000_000, maxBytes, maxWait, false);
    }

    @Override
    public List<JetStreamMessage> fetchNoWait(int maxMessages) {
        PullConsumer.checkCount(maxMessages, "maxMessages");
        return pull(maxMessages, 0, js.options().requestTimeout(), true);
    }

    private List<JetStreamMessage> pull(int batch, long maxBytes, Duration maxWait, boolean noWait) {
        synchronized (lock) {
            if (consuming) {
                throw new NatsIllegalArgumentException("ordered consumer of '" + stream
                        + "' is being consumed continuously; fetch is not possible meanwhile");
            }
            for (int attempt = 0; ; attempt++) {
                if (needReset || current == null) {
                    recreateLocked();
                }
                Fetcher.Result r;
                try {
                    r = Fetcher.pull(js.connection(), nextSubject, batch, maxBytes, maxWait, noWait);
                } catch (JetStreamException e) {
                    needReset = true; // the consumer went away: one fresh attempt
                    if (attempt > 0) {
                        throw e;
                    }
                    continue;
                }
                List<JetStreamMessage> out = new ArrayList<>();
                for (JsMessage m : r.messages()) {
                    if (!acceptLocked(m)) {
                        break;
                    }
                    out.add(m);
                }
                if (r.ended() == PullStatus.CONSUMER_DELETED || r.ended() == PullStatus.NO_RESPONDERS
                        || (r.ended() == null && r.messages().size() < batch && maxBytes == 0)) {
                    // a live consumer ends every request it cannot fill with a status (408 / 404);
                    // silence means it is gone (deleted, or lost with a restarted server)
                    needReset = true;
                }
                return out;
            }
        }
    }

    private final class OrderedSource implements PullSubscriber.Source {
        @Override
        public String nextSubject() {
            synchronized (lock) {
                return nextSubject;
            }
        }

        @Override
        public boolean accept(JsMessage m) {
            synchronized (lock) {
                return acceptLocked(m);
            }
        }

        @Override
        public boolean recreates() {
            return true;
        }

        @Override
        public void recreate() {
            synchronized (lock) {
                recreateLocked();
            }
        }

        @Override
        public void ended() {
            String name;
            synchronized (lock) {
                consuming = false;
                name = current;
                current = null;
                needReset = true;
            }
            if (name != null) {
                deleteQuietly(name);
            }
        }
    }

    private PullSubscriber start(ConsumeOptions options, JetStreamMessageHandler handler) {
        Objects.requireNonNull(options, "options");
        synchronized (lock) {
            if (consuming) {
                throw new NatsIllegalArgumentException("ordered consumer of '" + stream
                        + "' is already being consumed; stop that first");
            }
            if (needReset || current == null) {
                recreateLocked();
            }
            consuming = true;
        }
        try {
            return new PullSubscriber(js, new OrderedSource(), options, handler);
        } catch (RuntimeException e) {
            synchronized (lock) {
                consuming = false;
            }
            throw e;
        }
    }

    @Override
    public MessageStream messages(ConsumeOptions options) {
        return start(options, null);
    }

    @Override
    public ConsumeContext consume(ConsumeOptions options, JetStreamMessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return start(options, handler);
    }

    @Override
    public String toString() {
        return "OrderedConsumer[" + stream + "]";
    }
}
