/** WebSocket transport for {@code ws://} and {@code wss://} URLs. */
module io.nats4j.transport.ws {
    requires transitive io.nats4j.protocol; // SPI types appear in our signatures
    exports io.nats4j.transport.ws;         // the provider, its options record and its close exception
    provides io.nats4j.protocol.spi.TransportProvider
        with io.nats4j.transport.ws.WsTransportProvider;
}
