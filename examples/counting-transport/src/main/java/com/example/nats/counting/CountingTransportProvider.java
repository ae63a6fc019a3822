package com.example.nats.counting;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.protocol.spi.TransportProvider;
import io.nats4j.transport.tcp.TcpTransportProvider;
import java.io.IOException;
import java.util.Objects;
import java.util.Set;

/**
 * Serves {@code counting://host:port}: opens a TCP transport to the same host and port (with the
 * same timeouts, TLS settings and {@code TcpOptions}) and counts every byte through it into the
 * {@link ByteCounter} of the options, else {@link ByteCounter#global()}.
 *
 * <p>TLS works as for {@code nats://}: an {@code SSLContext} in the client options makes the client
 * upgrade after the server's {@code INFO}; bytes are counted as they leave and enter the TCP
 * transport, that is before encryption and after decryption.
 */
public final class CountingTransportProvider implements TransportProvider {

    /** The URL scheme this provider serves. */
    public static final String SCHEME = "counting";

    private final TcpTransportProvider tcp = new TcpTransportProvider();

    /** Creates the provider; for ServiceLoader. */
    public CountingTransportProvider() {
        // stateless apart from the stateless TCP provider it wraps
    }

    /**
     * {@code counting}.
     *
     * @return the one scheme
     */
    @Override
    public Set<String> schemes() {
        return Set.of(SCHEME);
    }

    /**
     * Connects over TCP and wraps the transport in a counting one.
     *
     * @param server a {@code counting://} server
     * @param options the client's transport options, optionally with a {@link ByteCounter}
     * @return the connected, counting transport
     * @throws IOException when the TCP transport cannot connect in time
     * @throws NatsIllegalArgumentException when the scheme is not {@code counting}
     */
    @Override
    public Transport open(NatsUri server, TransportOptions options) throws IOException {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(options, "options");
        if (!SCHEME.equals(server.scheme())) {
            throw new NatsIllegalArgumentException("the counting transport serves counting://, not " + server.redacted());
        }
        ByteCounter counter = options.extension(ByteCounter.class).orElse(ByteCounter.global());
        NatsUri overTcp = new NatsUri("nats", server.host(), server.port(), server.path(), server.userInfo());
        Transport inner = tcp.open(overTcp, options);
        counter.addOpened();
        return new CountingTransport(inner, counter);
    }

    @Override
    public String toString() {
        return "CountingTransportProvider[counting]";
    }
}
