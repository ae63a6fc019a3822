package io.nats4j.transport.tcp.internal;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.internal.net.SocketConnector;
import io.nats4j.protocol.internal.net.SocketSettings;
import io.nats4j.protocol.internal.net.SocketTransport;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.transport.tcp.TcpOptions;
import java.io.IOException;

/**
 * Opens the transport behind {@code nats://} and {@code tls://}: the shared socket layer of
 * {@code nats-protocol}, with this module's {@link TcpOptions}, and the TLS handshake right away in
 * handshake-first mode; all of it within one connect deadline.
 */
public final class Connector {

    private Connector() {
    }

    /**
     * Connects to one server.
     *
     * @param server the server
     * @param options the transport options, with an optional {@link TcpOptions} extension
     * @return the connected transport
     * @throws IOException when no address could be connected in time, or the handshake failed
     */
    public static Transport open(NatsUri server, TransportOptions options) throws IOException {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        TcpOptions tcp = options.extension(TcpOptions.class).orElse(TcpOptions.defaults());
        SocketSettings settings = new SocketSettings(tcp.sendBufferSize(), tcp.receiveBufferSize(),
                tcp.tcpNoDelay(), tcp.keepAlive());
        SocketTransport transport = SocketConnector.connect(server.host(), server.port(), deadline, settings,
                options, options.tlsHostname().orElse(server.host()), server.redacted());
        if (options.tlsHandshakeFirst()) {
            transport.handshake(deadline); // closes the transport when it fails
        }
        return transport;
    }
}
