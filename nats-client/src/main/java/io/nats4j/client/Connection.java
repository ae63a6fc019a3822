package io.nats4j.client;

import io.nats4j.protocol.ServerInfo;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A connection to a NATS server (or cluster), made by {@link Nats#connect}.
 *
 * <p>Thread-safe: publish, subscribe and request from any number of threads. Publishing encodes the
 * message into the connection's outbound buffer and returns; a writer thread sends what accumulated
 * in one write. While reconnecting, publishes are buffered up to
 * {@link Options.Builder#reconnectBufferSize}; beyond that they fail synchronously.
 *
 * <pre>{@code
 * try (Connection nc = Nats.connect("nats://localhost:4222")) {
 *     Subscription sub = nc.subscribe("greet.*", msg -> msg.respond("hi".getBytes()));
 *     Message reply = nc.request("greet.joe", new byte[0], Duration.ofSeconds(1));
 * }
 * }</pre>
 *
 * <p>Threading: message handlers run on the handler executor ({@link Options.Builder#executor}, by
 * default a pool of the connection's own threads), one message at a time per subscription; a handler
 * that blocks holds up only its own subscription. Listeners run on the connection's events thread.
 * From a handler or a listener it is safe to call {@link #publish}, {@link #subscribe},
 * {@link #request}, {@link #requestAsync}, {@link #flush}, {@link #rtt}, {@link #drain} (without
 * waiting on the future) and {@link #close}. Waiting on {@code drain(...)}'s future inside one of this
 * connection's handlers (or on {@link Subscription#drain}'s inside that subscription's handler) fails at
 * once with a {@link io.nats4j.protocol.NatsException}: the drain waits for that handler to return.
 *
 * <p>Pitfalls: a publish that returned is buffered, not yet on the wire; call {@link #flush} when
 * you must know the server has it. With an application executor of one thread, a handler that calls
 * {@link #request} to a responder on the same connection waits out its timeout: give the executor
 * enough threads (or virtual threads). A handler requesting a subject that only its own subscription
 * answers waits out the timeout too.
 */
public interface Connection extends AutoCloseable {

    /**
     * Publishes a message.
     *
     * @param subject the subject; no wildcards
     * @param data the payload; may be empty
     * @throws io.nats4j.protocol.NatsIllegalArgumentException on an invalid subject
     * @throws io.nats4j.protocol.NatsPayloadTooLargeException when larger than {@link #maxPayload()}
     * @throws io.nats4j.protocol.NatsConnectionException when closed, or disconnected with a full buffer
     */
    void publish(String subject, byte[] data);

    /**
     * Publishes a message with a reply subject.
     *
     * @param subject the subject
     * @param replyTo where responders should reply
     * @param data the payload
     */
    void publish(String subject, String replyTo, byte[] data);

    /**
     * Publishes a message with headers.
     *
     * @param subject the subject
     * @param headers the headers
     * @param data the payload
     */
    void publish(String subject, Headers headers, byte[] data);

    /**
     * Publishes a message with a reply subject and headers.
     *
     * @param subject the subject
     * @param replyTo where responders should reply
     * @param headers the headers
     * @param data the payload
     */
    void publish(String subject, String replyTo, Headers headers, byte[] data);

    /**
     * Subscribes synchronously: read with {@link Subscription#nextMessage}.
     *
     * @param subject the subject; {@code *} and {@code >} wildcards allowed
     * @return the subscription
     */
    Subscription subscribe(String subject);

    /**
     * Subscribes synchronously as a member of a queue group: each message goes to one member.
     *
     * @param subject the subject
     * @param queueGroup the queue group
     * @return the subscription
     */
    Subscription subscribe(String subject, String queueGroup);

    /**
     * Subscribes asynchronously.
     *
     * @param subject the subject
     * @param handler called for each message, in order
     * @return the subscription
     */
    Subscription subscribe(String subject, MessageHandler handler);

    /**
     * Subscribes asynchronously as a member of a queue group.
     *
     * @param subject the subject
     * @param queueGroup the queue group
     * @param handler called for each message, in order
     * @return the subscription
     */
    Subscription subscribe(String subject, String queueGroup, MessageHandler handler);

    /**
     * Sends a request and waits for the first reply.
     *
     * @param subject the subject
     * @param data the payload
     * @param timeout how long to wait for the reply
     * @return the reply
     * @throws io.nats4j.protocol.NatsTimeoutException when no reply came in time
     * @throws io.nats4j.protocol.NoRespondersException when nobody subscribes to the subject
     */
    Message request(String subject, byte[] data, Duration timeout);

    /**
     * Sends a request with headers and waits for the first reply.
     *
     * @param subject the subject
     * @param headers the headers
     * @param data the payload
     * @param timeout how long to wait for the reply
     * @return the reply
     */
    Message request(String subject, Headers headers, byte[] data, Duration timeout);

    /**
     * Sends a request; the future completes with the first reply.
     *
     * <p>Threading: the future completes, and dependent stages added without an executor run, on the
     * handler executor, never on the reader thread and never on {@code ForkJoinPool.commonPool()}.
     *
     * @param subject the subject
     * @param data the payload
     * @param timeout how long to wait for the reply
     * @return completes with the reply, or exceptionally with {@link io.nats4j.protocol.NatsTimeoutException}
     *     or {@link io.nats4j.protocol.NoRespondersException}
     */
    CompletableFuture<Message> requestAsync(String subject, byte[] data, Duration timeout);

    /**
     * Sends a request with headers; the future completes with the first reply.
     *
     * <p>Threading: the future completes, and dependent stages added without an executor run, on the
     * handler executor, never on the reader thread and never on {@code ForkJoinPool.commonPool()}.
     *
     * @param subject the subject
     * @param headers the headers; may be null or empty
     * @param data the payload; may be empty
     * @param timeout how long to wait for the reply; positive
     * @return completes with the reply, or exceptionally with {@link io.nats4j.protocol.NatsTimeoutException},
     *     {@link io.nats4j.protocol.NoRespondersException} or
     *     {@link io.nats4j.protocol.NatsConnectionException} when the connection closes first
     * @throws io.nats4j.protocol.NatsIllegalArgumentException on an invalid subject or timeout
     */
    CompletableFuture<Message> requestAsync(String subject, Headers headers, byte[] data, Duration timeout);

    /**
     * Adds a connection listener to this running connection; it hears every event from now on.
     * A listener given in {@link Options.Builder#connectionListener} stays registered as well.
     *
     * <p>Threading: may be called from any thread. The listener is called on the connection's events
     * thread, one event at a time and in order, like the one from {@code Options}; it must be fast and
     * must not block or throw (an exception is reported to the error listeners, or logged).
     *
     * @param listener the listener
     * @return closing it removes the listener
     * @throws io.nats4j.protocol.NatsIllegalArgumentException when the listener is null
     */
    Registration addConnectionListener(ConnectionListener listener);

    /**
     * Adds an error listener to this running connection. A listener given in
     * {@link Options.Builder#errorListener} stays registered as well.
     *
     * <p>Threading: may be called from any thread. The listener is called on the connection's events
     * thread, in order; it must be fast and must not block or throw (an exception is logged through
     * {@link System.Logger} {@code io.nats4j.client}).
     *
     * @param listener the listener
     * @return closing it removes the listener
     * @throws io.nats4j.protocol.NatsIllegalArgumentException when the listener is null
     */
    Registration addErrorListener(ErrorListener listener);

    /**
     * Waits until the server has processed everything sent so far (a PING/PONG round trip).
     *
     * @param timeout how long to wait
     * @throws io.nats4j.protocol.NatsTimeoutException when the PONG did not come in time
     * @throws io.nats4j.protocol.NatsConnectionException when not connected, or the connection was
     *     lost or closed while waiting
     */
    void flush(Duration timeout);

    /**
     * Measures one round trip to the server (waits at most 10 s).
     *
     * @return the round-trip time
     */
    Duration rtt();

    /**
     * Drains every subscription (see {@link Subscription#drain}), flushes, then closes.
     * Publishing is allowed until the connection is closed; new subscriptions are refused.
     *
     * <p>Threading: may be called from a handler or a listener; the drain runs on the connection's drain
     * thread and the timer. Waiting on the returned future from one of this connection's handlers fails
     * at once (see the class comment); derived stages are plain futures.
     *
     * @param timeout how long draining may take
     * @return completes when closed; exceptionally with {@link io.nats4j.protocol.NatsTimeoutException}
     *     when the timeout passed first (the connection is closed anyway)
     */
    CompletableFuture<Void> drain(Duration timeout);

    /**
     * The current state.
     *
     * @return the status
     */
    Status status();

    /**
     * The server's last INFO.
     *
     * @return the server info
     * @throws io.nats4j.protocol.NatsConnectionException when no server was ever connected
     */
    ServerInfo serverInfo();

    /**
     * The URL of the server we are connected to, with credentials hidden.
     *
     * @return the URL, empty when not connected
     */
    Optional<String> connectedUrl();

    /**
     * Counters since the connection was created.
     *
     * @return a snapshot
     */
    Statistics statistics();

    /**
     * The largest payload the server accepts (headers included).
     *
     * @return {@code max_payload} of the connected server
     */
    long maxPayload();

    /**
     * A new unique inbox subject under the configured inbox prefix.
     *
     * @return for example {@code _INBOX.2sLWb4XqW4tWfJ5lNvcr9o}
     */
    String newInbox();

    /**
     * Closes the connection: sends what is buffered (briefly), fails pending requests and flushes,
     * stops every thread. Idempotent; returns promptly from any state.
     */
    @Override
    void close();
}
