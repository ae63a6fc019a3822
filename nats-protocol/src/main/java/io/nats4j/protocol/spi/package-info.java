/**
 * Service provider interfaces: {@link io.nats4j.protocol.spi.TransportProvider} for transports
 * (TCP/TLS, WebSocket, or a third party's) and {@link io.nats4j.protocol.spi.AuthProvider} /
 * {@link io.nats4j.protocol.spi.Authenticator} for authentication schemes.
 */
package io.nats4j.protocol.spi;
