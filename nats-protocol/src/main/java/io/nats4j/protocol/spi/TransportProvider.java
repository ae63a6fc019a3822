package io.nats4j.protocol.spi;

import io.nats4j.protocol.NatsUri;
import java.io.IOException;
import java.util.Set;

/**
 * Opens {@link Transport}s for the URL schemes it serves; found by {@link java.util.ServiceLoader}.
 *
 * <p>A third party ships a provider in its own module with
 * {@code provides io.nats4j.protocol.spi.TransportProvider with com.example.MyProvider;} (and a
 * {@code META-INF/services} entry for class-path users). Implementations are stateless and
 * thread-safe, with a public no-argument constructor.
 */
public interface TransportProvider {

    /**
     * The URL schemes this provider serves, lower case, e.g. {@code nats} and {@code tls}.
     *
     * @return the schemes, never empty
     */
    Set<String> schemes();

    /**
     * Connects to one server.
     *
     * <p>The returned transport is connected and, for schemes that are secure from the first byte
     * (or with {@link TransportOptions#tlsHandshakeFirst()}), already past the TLS handshake. The whole
     * call (name resolution, TCP connect to each resolved address in turn, any handshake) is bounded by
     * {@link TransportOptions#connectTimeout()}.
     *
     * @param server the server to connect to; its scheme is one of {@link #schemes()}
     * @param options connect timeout, TLS settings and transport-specific extensions
     * @return a connected transport
     * @throws IOException when the connection cannot be made in time
     */
    Transport open(NatsUri server, TransportOptions options) throws IOException;
}
