/**
 * The transport contract suite: {@link io.nats4j.testing.transport.AbstractTransportSuite}, JUnit 5
 * tests that every {@link io.nats4j.protocol.spi.Transport} must pass against a real
 * {@code nats-server}, and {@link io.nats4j.testing.transport.TransportTestSupport}, helpers for a
 * transport's own tests. Used for nats4j's TCP, TLS and WebSocket transports and open to third-party
 * transports: subclass the suite in your tests.
 */
package io.nats4j.testing.transport;
