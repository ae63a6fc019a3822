/**
 * What every nats4j module shares: the exception hierarchy, {@link io.nats4j.protocol.ServerInfo}
 * and {@link io.nats4j.protocol.ConnectInfo} (INFO and CONNECT JSON), {@link io.nats4j.protocol.NatsUri},
 * NUIDs and subject validation. The SPIs are in {@code io.nats4j.protocol.spi}; the wire codec itself
 * (parser, encoder, header blocks) is in {@code io.nats4j.protocol.internal}, exported only to the
 * sibling modules that use it.
 */
package io.nats4j.protocol;
