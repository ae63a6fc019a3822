/** The NATS client: connections, subscriptions, request/reply. */
module io.nats4j.client {
    requires transitive io.nats4j.protocol; // exceptions and ServerInfo appear in our API

    exports io.nats4j.client;

    uses io.nats4j.protocol.spi.TransportProvider;
    uses io.nats4j.protocol.spi.AuthProvider;
}
