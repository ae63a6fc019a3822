/**
 * TCP and TLS transport for {@code nats://} and {@code tls://} URLs.
 *
 * <p>Provides {@link io.nats4j.transport.tcp.TcpTransportProvider} to the client through
 * {@link java.util.ServiceLoader}: putting this module on the path is all it takes, and
 * {@code nats-client} brings it as a runtime dependency. Its only API is the provider and the
 * {@link io.nats4j.transport.tcp.TcpOptions} socket options record.
 */
module io.nats4j.transport.tcp {
    requires transitive io.nats4j.protocol; // SPI types appear in our signatures
    exports io.nats4j.transport.tcp;        // the provider and its options record only
    provides io.nats4j.protocol.spi.TransportProvider
        with io.nats4j.transport.tcp.TcpTransportProvider;
}
