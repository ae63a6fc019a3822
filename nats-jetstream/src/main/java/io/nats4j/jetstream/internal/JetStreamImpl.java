package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.jetstream.AccountInfo;
import io.nats4j.jetstream.Consumer;
import io.nats4j.jetstream.ConsumerConfig;
import io.nats4j.jetstream.ConsumerInfo;
import io.nats4j.jetstream.JetStream;
import io.nats4j.jetstream.JetStreamApiException;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.jetstream.OrderedConsumerConfig;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.jetstream.Stream;
import io.nats4j.jetstream.StreamConfig;
import io.nats4j.jetstream.StreamInfo;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** The {@link JetStream} context: stream and consumer management on {@link Api}, publishing in {@link Publisher}. */
public final class JetStreamImpl implements JetStream {

    private final Connection nc;
    private final JetStreamOptions options;
    private final Api api;
    private final JsRuntime runtime;
    private final Executor executor;
    private final Publisher publisher;

    /**
     * Creates the context.
     *
     * @param nc the connection
     * @param options the options
     */
    public JetStreamImpl(Connection nc, JetStreamOptions options) {
        this.nc = Objects.requireNonNull(nc, "connection");
        this.options = Objects.requireNonNull(options, "options");
        this.api = new Api(nc, options);
        this.runtime = JsRuntime.of(nc);
        this.executor = options.executor().orElseGet(runtime::executor);
        this.publisher = new Publisher(nc, options, runtime, executor);
    }

    Api api() {
        return api;
    }

    JsRuntime runtime() {
        return runtime;
    }

    Executor executor() {
        return executor;
    }

    @Override
    public JetStreamOptions options() {
        return options;
    }

    @Override
    public Connection connection() {
        return nc;
    }

    // ---------------------------------------------------------------- publish

    @Override
    public PubAck publish(String subject, byte[] data) {
        return publisher.publish(subject, null, data, PublishOptions.DEFAULT);
    }

    @Override
    public PubAck publish(String subject, Headers headers, byte[] data, PublishOptions options) {
        return publisher.publish(subject, headers, data, options);
    }

    @Override
    public CompletableFuture<PubAck> publishAsync(String subject, Headers headers, byte[] data, PublishOptions options) {
        return publisher.publishAsync(subject, headers, data, options);
    }

    @Override
    public CompletableFuture<Void> publishAsyncComplete(Duration timeout) {
        return publisher.complete(timeout);
    }

    @Override
    public int publishAsyncPending() {
        return publisher.pending();
    }

    // ---------------------------------------------------------------- streams

    @Override
    public StreamInfo createStream(StreamConfig config) {
        Objects.requireNonNull(config, "config");
        return Codec.readStreamInfo(api.request("STREAM.CREATE." + config.name(),
                Json.encode(g -> Codec.writeStreamConfig(g, config))));
    }

    @Override
    public StreamInfo updateStream(StreamConfig config) {
        Objects.requireNonNull(config, "config");
        return Codec.readStreamInfo(api.request("STREAM.UPDATE." + config.name(),
                Json.encode(g -> Codec.writeStreamConfig(g, config))));
    }

    @Override
    public StreamInfo createOrUpdateStream(StreamConfig config) {
        try {
            return updateStream(config);
        } catch (JetStreamApiException e) {
            if (Api.isNotFound(e, JetStreamApiException.STREAM_NOT_FOUND)) {
                return createStream(config);
            }
            throw e;
        }
    }

    @Override
    public Stream stream(String name) {
        return new StreamImpl(this, name, streamInfo(name));
    }

    @Override
    public StreamInfo streamInfo(String name) {
        Names.checkName(name, "stream name");
        return Codec.readStreamInfo(api.request("STREAM.INFO." + name, new byte[0]));
    }

    @Override
    public boolean deleteStream(String name) {
        Names.checkName(name, "stream name");
        try {
            return api.request("STREAM.DELETE." + name, new byte[0]).bool("success", false);
        } catch (JetStreamApiException e) {
            if (Api.isNotFound(e, JetStreamApiException.STREAM_NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> streamNames() {
        return page("STREAM.NAMES", null, "streams", o -> null, true);
    }

    @Override
    public List<String> streamNames(String subject) {
        Objects.requireNonNull(subject, "subject");
        return page("STREAM.NAMES", subject, "streams", o -> null, true);
    }

    @Override
    public List<StreamInfo> streams() {
        return page("STREAM.LIST", null, "streams", Codec::readStreamInfo, false);
    }

    /**
     * Reads every page of a NAMES or LIST endpoint.
     *
     * @param names true when the items are strings, false when objects read with {@code reader}
     */
    @SuppressWarnings("unchecked")
    <T> List<T> page(String endpoint, String subjectFilter, String field, Function<JsonObject, T> reader,
                     boolean names) {
        List<T> out = new ArrayList<>();
        while (true) {
            int offset = out.size();
            JsonObject page = api.request(endpoint, Json.encode(g -> {
                g.writeStartObject();
                g.writeNumberField("offset", offset);
                if (subjectFilter != null) {
                    g.writeStringField("subject", subjectFilter);
                }
                g.writeEndObject();
            }));
            List<?> items = names ? page.strings(field) : page.objects(field);
            for (Object item : items) {
                out.add(names ? (T) item : reader.apply((JsonObject) item));
            }
            long total = page.number("total", 0);
            if (items.isEmpty() || out.size() >= total) {
                return out;
            }
        }
    }

    // ---------------------------------------------------------------- consumers

    @Override
    public ConsumerInfo createConsumer(String stream, ConsumerConfig config) {
        return upsertConsumer(stream, config, "create");
    }

    @Override
    public ConsumerInfo updateConsumer(String stream, ConsumerConfig config) {
        Objects.requireNonNull(config, "config");
        if (config.effectiveName().isEmpty()) {
            throw new NatsIllegalArgumentException("updateConsumer: the config must name the consumer");
        }
        if (!ServerVersion.atLeast(nc, 2, 10)) {
            consumerInfo(stream, config.effectiveName().get()); // fails when absent: the server cannot check
        }
        return upsertConsumer(stream, config, "update");
    }

    @Override
    public ConsumerInfo createOrUpdateConsumer(String stream, ConsumerConfig config) {
        return upsertConsumer(stream, config, "");
    }

    private ConsumerInfo upsertConsumer(String stream, ConsumerConfig config, String action) {
        Names.checkName(stream, "stream name");
        Objects.requireNonNull(config, "config");
        boolean v210 = ServerVersion.atLeast(nc, 2, 10);
        boolean v29 = ServerVersion.atLeast(nc, 2, 9);
        String endpoint;
        if (config.effectiveName().isPresent() && v29) {
            endpoint = "CONSUMER.CREATE." + stream + "." + config.effectiveName().get();
        } else if (config.durable().isPresent()) {
            endpoint = "CONSUMER.DURABLE.CREATE." + stream + "." + config.durable().get();
        } else {
            endpoint = "CONSUMER.CREATE." + stream;
        }
        byte[] body = Json.encode(g -> {
            g.writeStartObject();
            g.writeStringField("stream_name", stream);
            g.writeFieldName("config");
            Codec.writeConsumerConfig(g, config);
            if (v210 && !action.isEmpty()) {
                g.writeStringField("action", action); // 2.10+: the server enforces create vs update
            }
            g.writeEndObject();
        });
        return Codec.readConsumerInfo(api.request(endpoint, body));
    }

    @Override
    public Consumer consumer(String stream, String name) {
        return new PullConsumer(this, stream, name, consumerInfo(stream, name));
    }

    @Override
    public ConsumerInfo consumerInfo(String stream, String name) {
        Names.checkName(stream, "stream name");
        Names.checkName(name, "consumer name");
        return Codec.readConsumerInfo(api.request("CONSUMER.INFO." + stream + "." + name, new byte[0]));
    }

    @Override
    public Consumer orderedConsumer(String stream, OrderedConsumerConfig config) {
        Objects.requireNonNull(config, "config");
        streamInfo(stream); // fails now when the stream does not exist
        return new OrderedConsumer(this, stream, config);
    }

    @Override
    public boolean deleteConsumer(String stream, String name) {
        Names.checkName(stream, "stream name");
        Names.checkName(name, "consumer name");
        try {
            return api.request("CONSUMER.DELETE." + stream + "." + name, new byte[0]).bool("success", false);
        } catch (JetStreamApiException e) {
            if (Api.isNotFound(e, JetStreamApiException.CONSUMER_NOT_FOUND)) {
                return false;
            }
            throw e;
        }
    }

    @Override
    public List<String> consumerNames(String stream) {
        Names.checkName(stream, "stream name");
        return page("CONSUMER.NAMES." + stream, null, "consumers", o -> null, true);
    }

    @Override
    public List<ConsumerInfo> consumers(String stream) {
        Names.checkName(stream, "stream name");
        return page("CONSUMER.LIST." + stream, null, "consumers", Codec::readConsumerInfo, false);
    }

    @Override
    public AccountInfo accountInfo() {
        return Codec.readAccountInfo(api.request("INFO", new byte[0]));
    }

    @Override
    public String toString() {
        return "JetStream[" + options.effectivePrefix() + "]";
    }
}
