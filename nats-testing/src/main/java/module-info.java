/**
 * A real {@code nats-server} on demand for tests: process fixture, config builder, clusters,
 * generated TLS certificates, and a JUnit 5 extension. Usable by applications for their own tests.
 */
module io.nats4j.testing {
    requires transitive org.junit.jupiter.api; // the extension's types appear in our API
    requires java.net.http; // reads /varz and /connz from the monitoring port

    exports io.nats4j.testing;
}
