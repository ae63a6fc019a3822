/** The NATS client: connections, subscriptions, request/reply. */
module io.nats4j.client {
    requires transitive io.nats4j.protocol; // exceptions and ServerInfo appear in our API
    requires jdk.jfr; // Flight Recorder events; not static, so jcmd JFR.start sees them on the module path too

    exports io.nats4j.client;

    uses io.nats4j.protocol.spi.TransportProvider;
    uses io.nats4j.protocol.spi.AuthProvider;
}
