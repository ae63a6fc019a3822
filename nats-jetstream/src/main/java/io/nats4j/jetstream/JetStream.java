package io.nats4j.jetstream;

import io.nats4j.client.Connection;
import io.nats4j.client.Headers;
import io.nats4j.jetstream.internal.JetStreamImpl;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The JetStream context of a connection: manage streams and consumers, publish with
 * acknowledgements, and bind consumers to read from. Thread-safe; create it once per connection
 * (and options) and share it.
 *
 * <pre>{@code
 * try (Connection nc = Nats.connect("nats://localhost:4222")) {
 *     JetStream js = JetStream.of(nc);
 *     js.createOrUpdateStream(StreamConfig.builder().name("ORDERS").subjects("orders.>").build());
 *     PubAck ack = js.publish("orders.new", "hello".getBytes(StandardCharsets.UTF_8));
 *     js.createOrUpdateConsumer("ORDERS", ConsumerConfig.builder().durable("worker").build());
 *     Consumer c = js.consumer("ORDERS", "worker");
 *     c.next(Duration.ofSeconds(1)).ifPresent(JetStreamMessage::ack);
 * }
 * }</pre>
 *
 * <p>Pitfalls: the connection must stay open as long as the context is used; closing it ends all
 * consumption and fails outstanding async publishes. User callbacks run on the context's executor
 * ({@link JetStreamOptions#executor()}), never on the client's threads.
 */
public interface JetStream {

    /**
     * A context with the default options.
     *
     * @param nc the connection
     * @return the context
     */
    static JetStream of(Connection nc) {
        return of(nc, JetStreamOptions.DEFAULT);
    }

    /**
     * A context with options.
     *
     * @param nc the connection
     * @param options the options
     * @return the context
     */
    static JetStream of(Connection nc, JetStreamOptions options) {
        return new JetStreamImpl(nc, options);
    }

    /**
     * The options of this context.
     *
     * @return the options
     */
    JetStreamOptions options();

    /**
     * The connection this context uses.
     *
     * @return the connection
     */
    Connection connection();

    /**
     * Publishes and waits for the stream's acknowledgement.
     *
     * @param subject the subject (a stream must capture it)
     * @param data the payload
     * @return the acknowledgement
     * @throws io.nats4j.protocol.NoRespondersException when no stream captures the subject (after
     *     the bounded retries for a leader election)
     * @throws JetStreamApiException when the stream refused the message
     * @throws io.nats4j.protocol.NatsTimeoutException when no acknowledgement came in time
     */
    PubAck publish(String subject, byte[] data);

    /**
     * Publishes with headers and options and waits for the acknowledgement. A {@code 503} (no stream
     * answering, as during a leader election) is retried up to 2 times, 250 ms apart, within the timeout.
     *
     * @param subject the subject
     * @param headers headers to send, may be empty; not modified
     * @param data the payload
     * @param options message id, expectations and timeout
     * @return the acknowledgement
     * @throws JetStreamApiException when the stream refused the message, e.g. an expectation failed
     *     ({@link JetStreamApiException#STREAM_WRONG_LAST_SEQUENCE})
     */
    PubAck publish(String subject, Headers headers, byte[] data, PublishOptions options);

    /**
     * Publishes without waiting; the future completes (on the JetStream executor) with the
     * acknowledgement, or exceptionally with the same errors as {@link #publish}. At most
     * {@link JetStreamOptions#maxPendingAsyncPublishes()} are outstanding: past that this call
     * blocks until one completes, up to the publish timeout, then fails with
     * {@link io.nats4j.protocol.NatsTimeoutException}.
     *
     * @param subject the subject
     * @param headers headers to send, may be empty; not modified
     * @param data the payload
     * @param options message id, expectations and timeout (per acknowledgement)
     * @return the future acknowledgement
     */
    CompletableFuture<PubAck> publishAsync(String subject, Headers headers, byte[] data, PublishOptions options);

    /**
     * Completes when every async publish outstanding at the time of the call has completed.
     *
     * @param timeout how long to wait; the future fails with {@link io.nats4j.protocol.NatsTimeoutException} after it
     * @return the future
     */
    CompletableFuture<Void> publishAsyncComplete(Duration timeout);

    /**
     * Async publishes waiting for their acknowledgement.
     *
     * @return the count
     */
    int publishAsyncPending();

    /**
     * Creates a stream; succeeds without change if it exists with the same config.
     *
     * @param config the config
     * @return the info
     * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NAME_IN_USE} if it exists with another config
     */
    StreamInfo createStream(StreamConfig config);

    /**
     * Updates an existing stream.
     *
     * @param config the new config
     * @return the info
     * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NOT_FOUND}, or when the
     *     server refuses the change (some fields cannot change)
     */
    StreamInfo updateStream(StreamConfig config);

    /**
     * Creates the stream, or updates it when it exists.
     *
     * @param config the config
     * @return the info
     */
    StreamInfo createOrUpdateStream(StreamConfig config);

    /**
     * Binds an existing stream.
     *
     * @param name the stream name
     * @return the stream
     * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NOT_FOUND}
     */
    Stream stream(String name);

    /**
     * Reads a stream's info.
     *
     * @param name the stream name
     * @return the info
     * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NOT_FOUND}
     */
    StreamInfo streamInfo(String name);

    /**
     * Deletes a stream and its consumers.
     *
     * @param name the stream name
     * @return true when deleted, false when there was no such stream
     */
    boolean deleteStream(String name);

    /**
     * The names of all streams (every page).
     *
     * @return the names
     */
    List<String> streamNames();

    /**
     * The names of the streams capturing a subject (every page).
     *
     * @param subject the subject (wildcards allowed)
     * @return the names
     */
    List<String> streamNames(String subject);

    /**
     * The info of every stream (every page).
     *
     * @return the infos
     */
    List<StreamInfo> streams();

    /**
     * Creates a consumer. On nats-server 2.10+ this fails if it exists with another config; older
     * servers have no such check and update it instead (where the change is allowed).
     *
     * @param stream the stream name
     * @param config the config
     * @return the info
     * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_ALREADY_EXISTS} (2.10+)
     */
    ConsumerInfo createConsumer(String stream, ConsumerConfig config);

    /**
     * Updates an existing consumer.
     *
     * @param stream the stream name
     * @param config the new config; must name the consumer
     * @return the info
     * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_NOT_FOUND} or
     *     {@link JetStreamApiException#CONSUMER_DOES_NOT_EXIST} when there is none
     */
    ConsumerInfo updateConsumer(String stream, ConsumerConfig config);

    /**
     * Creates the consumer, or updates it when it exists.
     *
     * @param stream the stream name
     * @param config the config
     * @return the info
     */
    ConsumerInfo createOrUpdateConsumer(String stream, ConsumerConfig config);

    /**
     * Binds an existing consumer; never creates one.
     *
     * @param stream the stream name
     * @param name the consumer name
     * @return the consumer
     * @throws JetStreamApiException {@link JetStreamApiException#CONSUMER_NOT_FOUND} or
     *     {@link JetStreamApiException#STREAM_NOT_FOUND}
     */
    Consumer consumer(String stream, String name);

    /**
     * Reads a consumer's info.
     *
     * @param stream the stream name
     * @param name the consumer name
     * @return the info
     */
    ConsumerInfo consumerInfo(String stream, String name);

    /**
     * An ordered consumer: reads the stream in order, without acks, re-creating its server consumer
     * as needed (see {@link OrderedConsumerConfig}).
     *
     * @param stream the stream name
     * @param config what to read
     * @return the consumer
     * @throws JetStreamApiException {@link JetStreamApiException#STREAM_NOT_FOUND}
     */
    Consumer orderedConsumer(String stream, OrderedConsumerConfig config);

    /**
     * Deletes a consumer.
     *
     * @param stream the stream name
     * @param name the consumer name
     * @return true when deleted, false when there was none
     */
    boolean deleteConsumer(String stream, String name);

    /**
     * The names of a stream's consumers (every page).
     *
     * @param stream the stream name
     * @return the names
     */
    List<String> consumerNames(String stream);

    /**
     * The info of a stream's consumers (every page).
     *
     * @param stream the stream name
     * @return the infos
     */
    List<ConsumerInfo> consumers(String stream);

    /**
     * The account's JetStream usage and limits.
     *
     * @return the info
     * @throws JetStreamApiException {@link JetStreamApiException#JETSTREAM_NOT_ENABLED_FOR_ACCOUNT}
     */
    AccountInfo accountInfo();

    /**
     * Key/value buckets on this context: create, bind, update, delete (package {@code io.nats4j.jetstream.kv}).
     *
     * @return the key/value manager
     */
    default io.nats4j.jetstream.kv.KeyValueManager keyValue() {
        return io.nats4j.jetstream.kv.KeyValueManager.of(this);
    }

    /**
     * Object store buckets on this context: create, bind, delete (package {@code io.nats4j.jetstream.os}).
     *
     * @return the object store manager
     */
    default io.nats4j.jetstream.os.ObjectStoreManager objectStore() {
        return io.nats4j.jetstream.os.ObjectStoreManager.of(this);
    }
}
