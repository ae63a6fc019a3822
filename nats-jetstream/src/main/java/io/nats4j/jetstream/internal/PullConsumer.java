package io.nats4j.jetstream.internal;

import io.nats4j.jetstream.ConsumeContext;
import io.nats4j.jetstream.ConsumeOptions;
import io.nats4j.jetstream.Consumer;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.JetStreamMessage;
import io.nats4j.jetstream.JetStreamMessageHandler;
import io.nats4j.jetstream.MessageStream;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A bound pull consumer (durable or named ephemeral). */
final class PullConsumer implements Consumer {

    private final JetStreamImpl js;
    private final String stream;
    private final String name;
    private final String nextSubject;
    private volatile ConsumerInfo info;

    PullConsumer(JetStreamImpl js, String stream, String name, ConsumerInfo info) {
        this.js = js;
        this.stream = stream;
        this.name = name;
        this.info = info;
        this.nextSubject = js.api().subject("CONSUMER.MSG.NEXT." + stream + "." + name);
    }

    @Override
    public String stream() {
        return stream;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ConsumerInfo info() {
        info = js.consumerInfo(stream, name);
        return info;
    }

    /**
     * The info read when bound or last refreshed.
     *
     * @return the info
     */
    ConsumerInfo cachedInfo() {
        return info;
    }

    static void checkWait(Duration maxWait) {
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.toMillis() < 1) {
            throw new NatsIllegalArgumentException("maxWait must be at least 1 ms, was " + maxWait);
        }
    }

    static void checkCount(long n, String what) {
        if (n < 1) {
            throw new NatsIllegalArgumentException(what + " must be at least 1, was " + n);
        }
    }

    @Override
    public Optional<JetStreamMessage> next(Duration maxWait) {
        List<JetStreamMessage> one = fetch(1, maxWait);
        return one.isEmpty() ? Optional.empty() : Optional.of(one.get(0));
    }

    @Override
    public List<JetStreamMessage> fetch(int maxMessages, Duration maxWait) {
        checkCount(maxMessages, "maxMessages");
        checkWait(maxWait);
        return List.copyOf(Fetcher.pull(js.connection(), nextSubject, maxMessages, 0, maxWait, false).messages());
    }

    @Override
    public List<JetStreamMessage> fetchBytes(long maxBytes, Duration maxWait) {
        checkCount(maxBytes, "maxBytes");
        checkWait(maxWait);
        return List.copyOf(Fetcher.pull(js.connection(), nextSubject, 1_000_000, maxBytes, maxWait, false).messages());
    }

    @Override
    public List<JetStreamMessage> fetchNoWait(int maxMessages) {
        checkCount(maxMessages, "maxMessages");
        return List.copyOf(Fetcher.pull(js.connection(), nextSubject, maxMessages, 0, js.options().requestTimeout(),
                true).messages());
    }

    private PullSubscriber.Source source() {
        return new PullSubscriber.Source() {
            @Override
            public String nextSubject() {
                return nextSubject;
            }

            @Override
            public boolean accept(JsMessage m) {
                return true;
            }

            @Override
            public boolean recreates() {
                return false;
            }

            @Override
            public void recreate() {
                throw new IllegalStateException("a bound consumer is never re-created");
            }

            @Override
            public void ended() {
            }
        };
    }

    @Override
    public MessageStream messages(ConsumeOptions options) {
        return new PullSubscriber(js, source(), options, null);
    }

    @Override
    public ConsumeContext consume(ConsumeOptions options, JetStreamMessageHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new PullSubscriber(js, source(), options, handler);
    }

    @Override
    public String toString() {
        return "Consumer[" + stream + " > " + name + "]";
    }
}
