/** The NATS client: connections, subscriptions, request/reply. */
@SuppressWarnings("module") // the qualified export names a module built after this one
module io.nats4j.client {
    requires transitive io.nats4j.protocol; // exceptions and ServerInfo appear in our API
    requires jdk.jfr; // Flight Recorder events; not static, so jcmd JFR.start sees them on the module path too

    exports io.nats4j.client;
    exports io.nats4j.client.internal to io.nats4j.bench; // BenchHooks: JMH benchmarks of the engine

    uses io.nats4j.protocol.spi.TransportProvider;
    uses io.nats4j.protocol.spi.AuthProvider;
}
