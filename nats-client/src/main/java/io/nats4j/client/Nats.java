package io.nats4j.client;

import io.nats4j.client.internal.NatsConnection;

/**
 * Connects to NATS.
 *
 * <pre>{@code
 * try (Connection nc = Nats.connect("nats://localhost:4222")) {
 *     nc.publish("greeting", "hello".getBytes(StandardCharsets.UTF_8));
 *     nc.flush(Duration.ofSeconds(1));
 * }
 * }</pre>
 *
 * <p>URLs: {@code nats://host:port}, {@code tls://host:port}, {@code ws://host:port/path},
 * {@code wss://host:port/path}, a bare {@code host:port}; {@code user:password@host} or
 * {@code token@host} carry credentials; a comma-separated list names a cluster. The TCP transport
 * comes with this module; {@code ws://} needs {@code io.nats4j:nats-transport-ws}, NKeys and
 * credentials files need {@code io.nats4j:nats-auth}.
 */
public final class Nats {

    private Nats() {
    }

    /**
     * Connects to {@code nats://localhost:4222} with default options.
     *
     * @return a connected connection
     * @throws io.nats4j.protocol.NatsException when no server could be reached (see {@link #connect(Options)})
     */
    public static Connection connect() {
        return connect(Options.builder().build());
    }

    /**
     * Connects to the given servers with default options.
     *
     * @param urls one URL or a comma-separated list
     * @return a connected connection
     * @throws io.nats4j.protocol.NatsIllegalArgumentException on a malformed URL
     * @throws io.nats4j.protocol.NatsException when no server could be reached
     */
    public static Connection connect(String urls) {
        return connect(Options.builder().server(urls).build());
    }

    /**
     * Connects with the given options: each server of the pool is tried once; with
     * {@code retryOnFailedConnect} the connection is returned at once and keeps trying in the background.
     *
     * @param options the options
     * @return a connected (or, with {@code retryOnFailedConnect}, connecting) connection
     * @throws io.nats4j.protocol.NatsIllegalArgumentException when {@code options} is null
     * @throws io.nats4j.protocol.NatsAuthException when the server refused the credentials
     * @throws io.nats4j.protocol.NatsTimeoutException when the connect timeout passed
     * @throws io.nats4j.protocol.NatsConnectionException when no server could be reached
     */
    public static Connection connect(Options options) {
        if (options == null) {
            throw new io.nats4j.protocol.NatsIllegalArgumentException("options must not be null");
        }
        NatsConnection nc = new NatsConnection(options);
        nc.connect();
        return nc;
    }
}
