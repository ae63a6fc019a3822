package io.nats4j.transport.tcp;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.internal.net.ProviderArgs;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.protocol.spi.TransportProvider;
import io.nats4j.transport.tcp.internal.Connector;
import java.io.IOException;
import java.util.Set;

/**
 * The transport for {@code nats://} and {@code tls://} URLs: TCP, upgraded to TLS after the
 * server's {@code INFO} when the server or the client requires it, or TLS from the first byte in
 * handshake-first mode.
 *
 * <p>What {@link #open} does: resolves every address of the host and tries them in turn; sets
 * {@code TCP_NODELAY} and the socket options of {@link TcpOptions} (taken from
 * {@code options.extension(TcpOptions.class)}, {@link TcpOptions#defaults()} when absent); with
 * {@link TransportOptions#tlsHandshakeFirst()} runs the TLS handshake before any byte is read. All
 * of it is bounded by {@link TransportOptions#connectTimeout()}. {@code tls://} does not change what
 * {@code open} does: the client sees {@link TransportOptions#tlsRequired()} and calls
 * {@link Transport#upgradeToTls()} after the {@code INFO}, which is again bounded by the connect
 * timeout.
 *
 * <p>TLS: the {@link javax.net.ssl.SSLContext} of the options, or {@code SSLContext.getDefault()};
 * client certificates (mutual TLS) come from that context's key managers. The server certificate is
 * verified against {@link TransportOptions#tlsHostname()} when given, else the URL's host, with
 * {@code HTTPS} endpoint identification; SNI carries that name unless it is an IP literal.
 *
 * <p>Pitfalls: {@link TransportOptions#hostnameVerification()} {@code false} accepts any certificate
 * the trust managers accept, whatever host it was issued for, which lets anyone holding such a
 * certificate impersonate the server; it is meant for tests only. A read has no timeout of its own:
 * the client's PING timer notices a dead server and closes the transport. A write that makes no
 * progress for {@link TransportOptions#writeTimeout()} fails with a
 * {@link java.net.SocketTimeoutException} and closes the transport, since part of a frame may have
 * gone out.
 *
 * <p>Errors are {@link IOException}s naming the server ({@link NatsUri#redacted()}, so never its
 * credentials): {@link java.net.ConnectException} when refused, {@link java.net.SocketTimeoutException}
 * on a timeout, {@link java.net.UnknownHostException} when the host does not resolve, and
 * {@link javax.net.ssl.SSLHandshakeException} with the reason (untrusted certificate, host name
 * mismatch, not a TLS port, client certificate rejected) when TLS fails.
 */
public final class TcpTransportProvider implements TransportProvider {

    private static final Set<String> SCHEMES = Set.of("nats", "tls");

    /** Creates the provider; for ServiceLoader. */
    public TcpTransportProvider() {
        // stateless
    }

    /**
     * {@code nats} and {@code tls}.
     *
     * @return the schemes
     */
    @Override
    public Set<String> schemes() {
        return SCHEMES;
    }

    /**
     * Connects to one server; see the class description.
     *
     * @param server the server; its scheme must be {@code nats} or {@code tls}
     * @param options connect and write timeouts, TLS settings, and an optional {@link TcpOptions}
     * @return the connected transport, plain unless the options ask for the handshake first
     * @throws IOException when no address of the server could be connected in time, or the
     *     handshake-first TLS handshake failed
     * @throws NatsIllegalArgumentException when the scheme is not one of {@link #schemes()}
     */
    @Override
    public Transport open(NatsUri server, TransportOptions options) throws IOException {
        ProviderArgs.check(server, options, SCHEMES, "the TCP transport serves nats:// and tls://");
        return Connector.open(server, options);
    }

    @Override
    public String toString() {
        return "TcpTransportProvider[nats, tls]";
    }
}
