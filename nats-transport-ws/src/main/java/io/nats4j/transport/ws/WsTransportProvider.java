package io.nats4j.transport.ws;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.internal.net.ProviderArgs;
import io.nats4j.protocol.spi.Transport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.protocol.spi.TransportProvider;
import io.nats4j.transport.ws.internal.WsConnector;
import java.io.IOException;
import java.util.Set;

/**
 * The transport for {@code ws://} and {@code wss://} URLs: the NATS byte stream in WebSocket binary
 * frames (RFC 6455), optionally compressed with {@code permessage-deflate} (RFC 7692).
 *
 * <p>What {@link #open} does, within {@link TransportOptions#connectTimeout()}: connects to the
 * server (every address of its host in turn) or, when {@link WsOptions#proxy()} names an HTTP
 * proxy, to the proxy and asks it to {@code CONNECT}; for {@code wss://} runs the TLS handshake; then
 * sends the HTTP/1.1 upgrade ({@code GET} with the URL's path and query, a random
 * {@code Sec-WebSocket-Key}, the {@link WsOptions#headers()}, and the deflate offer when
 * {@link WsOptions#compression()}) and requires {@code 101} with the right
 * {@code Sec-WebSocket-Accept}. Settings come from {@code options.extension(WsOptions.class)},
 * {@link WsOptions#defaults()} when absent.
 *
 * <p>TLS ({@code wss://}) is the same as for {@code tls://}, from the same code: the
 * {@link javax.net.ssl.SSLContext} of the options (else the JDK default), client certificates from
 * its key managers, the certificate verified against {@link TransportOptions#tlsHostname()} or the
 * URL's host, SNI for names.
 *
 * <p>Frames: every write is one masked binary frame with a fresh random mask key; the server's frames
 * of any size, fragmented or not, with pings answered and control frames between fragments; a close
 * frame ends the transport with a {@link WebSocketClosedException} carrying its code and reason.
 *
 * <p>Errors are {@link IOException}s naming the server ({@link NatsUri#redacted()}): a refused
 * upgrade quotes the status line ({@code HTTP/1.1 403 Forbidden}), a peer that is no WebSocket
 * server says what it answered, a proxy's refusal quotes the proxy's status line, a broken frame is
 * a {@link java.net.ProtocolException}; timeouts and TLS failures as for the TCP transport.
 *
 * <p>Pitfalls: the write deadline works as for TCP (a stalled write fails and closes the
 * transport); {@code tlsHandshakeFirst} has no meaning here ({@code wss://} is always TLS first).
 */
public final class WsTransportProvider implements TransportProvider {

    private static final Set<String> SCHEMES = Set.of("ws", "wss");

    /** Creates the provider; for ServiceLoader. */
    public WsTransportProvider() {
        // stateless
    }

    /**
     * {@code ws} and {@code wss}.
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
     * @param server the server; its scheme must be {@code ws} or {@code wss}
     * @param options timeouts, TLS settings and an optional {@link WsOptions}
     * @return the connected transport, past the WebSocket upgrade
     * @throws IOException when the server cannot be reached in time or refuses the upgrade
     * @throws NatsIllegalArgumentException when the scheme is not one of {@link #schemes()}
     */
    @Override
    public Transport open(NatsUri server, TransportOptions options) throws IOException {
        ProviderArgs.check(server, options, SCHEMES, "the WebSocket transport serves ws:// and wss://");
        return WsConnector.open(server, options);
    }

    @Override
    public String toString() {
        return "WsTransportProvider[ws, wss]";
    }
}
