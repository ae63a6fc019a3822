/**
 * The {@link javax.net.ssl.SSLEngine} wrapper shared by the TCP ({@code tls://}) and WebSocket
 * ({@code wss://}) transports, exported to those two modules only: one TLS client, one set of
 * hostname-verification and error-reporting rules. Not an API.
 */
package io.nats4j.protocol.internal.tls;
