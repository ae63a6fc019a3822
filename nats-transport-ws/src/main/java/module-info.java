/** WebSocket transport for {@code ws://} and {@code wss://} URLs (arrives with the WebSocket work). */
module io.nats4j.transport.ws {
    requires transitive io.nats4j.protocol; // SPI types appear in our signatures
}
