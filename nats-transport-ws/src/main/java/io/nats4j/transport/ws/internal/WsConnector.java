package io.nats4j.transport.ws.internal;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.internal.net.SocketConnector;
import io.nats4j.protocol.internal.net.SocketSettings;
import io.nats4j.protocol.internal.net.SocketTransport;
import io.nats4j.protocol.spi.TransportOptions;
import io.nats4j.transport.ws.WsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;

/**
 * Opens a {@link WsTransport}: TCP to the server or its proxy, {@code CONNECT} through the proxy, TLS
 * for {@code wss://}, then the HTTP upgrade; all within one connect deadline.
 */
public final class WsConnector {

    /** Read buffer size: as large as the client's own, so a read takes as much as it would over TCP. */
    private static final int IN_SIZE = 128 * 1024;
    /** Bound on the size of the server's answer to the upgrade. */
    private static final int HEAD_SIZE = 16 * 1024;

    private WsConnector() {
    }

    /**
     * Connects to one server.
     *
     * @param server a {@code ws://} or {@code wss://} server
     * @param options the transport options, with an optional {@link WsOptions} extension
     * @return the connected transport, past the upgrade
     * @throws IOException when the server cannot be reached, refuses, or is no WebSocket server
     */
    public static WsTransport open(NatsUri server, TransportOptions options) throws IOException {
        long deadline = System.nanoTime() + options.connectTimeout().toNanos();
        WsOptions ws = options.extension(WsOptions.class).orElse(WsOptions.defaults());
        String where = where(server);
        boolean secure = server.scheme().equals("wss");
        String tlsPeer = options.tlsHostname().orElse(server.host());
        Optional<InetSocketAddress> proxy = chooseProxy(ws, server, secure, where);
        SocketTransport raw;
        InetSocketAddress remote;
        if (proxy.isEmpty()) {
            raw = SocketConnector.connect(server.host(), server.port(), deadline, SocketSettings.DEFAULTS, options,
                    tlsPeer, where);
            remote = raw.remoteAddress();
        } else {
            InetSocketAddress p = proxy.get();
            try {
                raw = SocketConnector.connect(p.getHostString(), p.getPort(), deadline, SocketSettings.DEFAULTS,
                        options, tlsPeer, where + " via proxy " + p.getHostString() + ":" + p.getPort());
            } catch (IOException e) {
                ws.proxy().ifPresent(s -> s.connectFailed(proxyUri(server, secure), p, e));
                throw e;
            }
            remote = InetSocketAddress.createUnresolved(server.host(), server.port());
        }
        try {
            if (proxy.isPresent()) {
                Handshake.connectThrough(raw, proxy.get(), server, deadline, where);
            }
            if (secure) {
                raw.handshake(deadline);
            }
            ByteBuffer head = ByteBuffer.allocate(HEAD_SIZE);
            Handshake.Agreed agreed = Handshake.upgrade(raw, server, ws, head, deadline, where);
            // direct: the socket fills it without the JDK's copy through a temporary direct buffer
            ByteBuffer in = ByteBuffer.allocateDirect(IN_SIZE);
            in.put(head).flip(); // the first frames may have come with the answer
            return new WsTransport(raw, in, agreed, where, remote, options.tlsRequired());
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /**
     * The server for messages: credentials hidden, and the query too, since gateways often take a
     * token there.
     */
    static String where(NatsUri server) {
        String r = server.redacted();
        int q = r.indexOf('?');
        return q < 0 ? r : r.substring(0, q) + "?...";
    }

    /** The first HTTP proxy the selector names; empty for a direct connection. */
    private static Optional<InetSocketAddress> chooseProxy(WsOptions ws, NatsUri server, boolean secure,
            String where) throws IOException {
        if (ws.proxy().isEmpty()) {
            return Optional.empty();
        }
        ProxySelector selector = ws.proxy().get();
        List<Proxy> proxies = selector.select(proxyUri(server, secure));
        boolean socksOnly = false;
        for (Proxy p : proxies == null ? List.<Proxy>of() : proxies) {
            if (p.type() == Proxy.Type.DIRECT) {
                return Optional.empty();
            }
            if (p.type() == Proxy.Type.HTTP && p.address() instanceof InetSocketAddress a) {
                return Optional.of(a);
            }
            socksOnly = true;
        }
        if (socksOnly) {
            throw new IOException("the proxy selector offers only SOCKS proxies for " + where
                    + "; the WebSocket transport supports HTTP proxies (CONNECT)");
        }
        return Optional.empty();
    }

    /** What a proxy selector is asked: the HTTP form of the server, as the JDK's own clients ask. */
    private static URI proxyUri(NatsUri server, boolean secure) {
        try {
            return new URI(secure ? "https" : "http", null, server.host(), server.port(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("a parsed server URL is a valid URI", e);
        }
    }
}
