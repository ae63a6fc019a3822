/** TCP and TLS transport for {@code nats://} and {@code tls://} URLs. */
module io.nats4j.transport.tcp {
    requires transitive io.nats4j.protocol; // SPI types appear in our signatures
    exports io.nats4j.transport.tcp;        // the provider and its options record only
    provides io.nats4j.protocol.spi.TransportProvider
        with io.nats4j.transport.tcp.TcpTransportProvider;
}
