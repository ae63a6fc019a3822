/**
 * A real {@code nats-server} on demand for tests: process fixture, config builder, clusters,
 * generated TLS certificates, and a JUnit 5 extension. Usable by applications for their own tests.
 *
 * <p>Start at {@link io.nats4j.testing.NatsServer} or {@link io.nats4j.testing.NatsServerExtension}.
 * Needs the {@code nats-server} binary on {@code PATH} or named by {@code NATS_SERVER}; depends on
 * no other nats4j module.
 */
module io.nats4j.testing {
    requires transitive org.junit.jupiter.api; // the extension's types appear in our API
    requires java.net.http; // reads /varz and /connz from the monitoring port
    requires static transitive io.nats4j.protocol; // SPI types in the contract suite's API; only the suite needs it

    exports io.nats4j.testing;
    exports io.nats4j.testing.transport; // the transport contract suite
}
