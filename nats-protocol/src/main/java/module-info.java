/**
 * The NATS wire codec and the SPIs every other nats4j module builds on. No threads, no sockets.
 *
 * <p>{@code io.nats4j.protocol} holds what every module shares: the exception hierarchy rooted at
 * {@link io.nats4j.protocol.NatsException}, {@link io.nats4j.protocol.ServerInfo} (the server's
 * {@code INFO}), {@link io.nats4j.protocol.NatsUri} server URLs, subject validation and NUIDs.
 * {@code io.nats4j.protocol.spi} is for providers: {@link io.nats4j.protocol.spi.TransportProvider}
 * (a way to reach a server, found by {@link java.util.ServiceLoader}) and
 * {@link io.nats4j.protocol.spi.AuthProvider}. Applications rarely name this module: the client
 * requires it transitively.
 */
module io.nats4j.protocol {
    requires com.fasterxml.jackson.core; // INFO/CONNECT JSON, streaming only

    exports io.nats4j.protocol;
    exports io.nats4j.protocol.spi;
}
