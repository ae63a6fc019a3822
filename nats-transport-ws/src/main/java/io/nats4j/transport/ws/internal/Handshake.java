package io.nats4j.transport.ws.internal;

import io.nats4j.protocol.NatsUri;
import io.nats4j.protocol.internal.net.SocketTransport;
import io.nats4j.transport.ws.WsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The HTTP/1.1 exchanges of a WebSocket connect: {@code CONNECT} through a proxy, and the upgrade
 * (RFC 6455 section 4) with the {@code permessage-deflate} offer (RFC 7692).
 */
final class Handshake {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final String DEFLATE_OFFER =
            "permessage-deflate; client_no_context_takeover; server_no_context_takeover";
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * What the server agreed to.
     *
     * @param deflate permessage-deflate is on
     * @param serverNoContextTakeover the server starts every message with a fresh deflate context
     */
    record Agreed(boolean deflate, boolean serverNoContextTakeover) {
    }

    private Handshake() {
    }

    /**
     * Asks an HTTP proxy for a tunnel to the server.
     *
     * @throws IOException when the proxy refuses (its status line is in the message) or does not answer
     */
    static void connectThrough(SocketTransport raw, InetSocketAddress proxy, NatsUri server, long deadline,
            String where) throws IOException {
        String authority = hostPort(server.host(), server.port());
        String request = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\n\r\n";
        raw.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.ISO_8859_1)));
        String peer = "proxy " + proxy.getHostString() + ":" + proxy.getPort();
        ByteBuffer in = ByteBuffer.allocate(8 * 1024);
        HttpHead head = HttpHead.read(raw, in, deadline, peer, "CONNECT for " + where);
        if (head.status() / 100 != 2) {
            throw new ProtocolException(peer + " refused to CONNECT to " + where + ": it answered '"
                    + head.statusLine() + "'" + (head.status() == 407
                    ? " (proxy authentication is not supported)" : ""));
        }
        if (in.hasRemaining()) {
            throw new ProtocolException(peer + " sent data before the tunnel to " + where + " was used");
        }
    }

    /**
     * Sends the upgrade request and checks the answer.
     *
     * @param in an empty buffer; on return it holds (in read mode) what the server sent after its answer
     * @return what was agreed
     * @throws IOException when the server refuses or is not a WebSocket server; the message names the
     *     server and quotes its status line
     */
    static Agreed upgrade(SocketTransport raw, NatsUri server, WsOptions ws, ByteBuffer in, long deadline,
            String where) throws IOException {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        raw.write(ByteBuffer.wrap(request(server, ws, key).getBytes(StandardCharsets.ISO_8859_1)));
        HttpHead head = HttpHead.read(raw, in, deadline, where, "WebSocket upgrade");
        if (head.status() != 101) {
            throw new ProtocolException(where + " refused the WebSocket upgrade: it answered '" + head.statusLine() + "'"
                    + (head.status() == 401 || head.status() == 403
                    ? " (an Origin check, or a gateway that wants credentials: see WsOptions.header)" : ""));
        }
        if (!head.values("upgrade").stream().anyMatch(v -> v.equalsIgnoreCase("websocket"))
                || !head.values("connection").stream().anyMatch(v -> v.equalsIgnoreCase("upgrade"))) {
            throw new ProtocolException(where + " answered 101 without 'Upgrade: websocket' and 'Connection: Upgrade'");
        }
        List<String> accept = head.values("sec-websocket-accept");
        if (accept.size() != 1 || !accept.get(0).equals(acceptKey(key))) {
            throw new ProtocolException(where + " answered the WebSocket upgrade with "
                    + (accept.isEmpty() ? "no" : "a wrong") + " Sec-WebSocket-Accept (not a WebSocket server,"
                    + " or something in between rewrote the handshake)");
        }
        return extensions(head, ws.compression(), where);
    }

    private static String request(NatsUri server, WsOptions ws, String key) {
        String path = server.path().isEmpty() ? "/" : server.path().startsWith("?") ? "/" + server.path() : server.path();
        int defaultPort = server.scheme().equals("wss") ? 443 : 80;
        String host = server.port() == defaultPort ? hostOnly(server.host()) : hostPort(server.host(), server.port());
        StringBuilder r = new StringBuilder(256);
        r.append("GET ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(host).append("\r\n")
                .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                .append("Sec-WebSocket-Key: ").append(key).append("\r\n")
                .append("Sec-WebSocket-Version: 13\r\n");
        if (ws.compression()) {
            r.append("Sec-WebSocket-Extensions: ").append(DEFLATE_OFFER).append("\r\n");
        }
        for (Map.Entry<String, String> h : ws.headers()) {
            r.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        return r.append("\r\n").toString();
    }

    /** Checks the extensions the server agreed to against what we offered. */
    private static Agreed extensions(HttpHead head, boolean offered, String where) throws ProtocolException {
        boolean deflate = false;
        boolean serverNoContext = false;
        for (String ext : head.values("sec-websocket-extensions")) {
            String[] params = ext.split(";");
            String name = params[0].trim().toLowerCase(Locale.ROOT);
            if (!name.equals("permessage-deflate") || !offered || deflate) {
                throw new ProtocolException(where + " agreed to the WebSocket extension '" + name
                        + "', which was not offered");
            }
            deflate = true;
            for (int i = 1; i < params.length; i++) {
                String p = params[i].trim().toLowerCase(Locale.ROOT);
                if (p.equals("server_no_context_takeover")) {
                    serverNoContext = true;
                } else if (!p.equals("client_no_context_takeover") && !p.startsWith("server_max_window_bits")) {
                    // client_max_window_bits was not offered; java.util.zip cannot honour it anyway
                    throw new ProtocolException(where + " answered permessage-deflate with the parameter '" + p
                            + "', which was not offered");
                }
            }
        }
        return new Agreed(deflate, serverNoContext);
    }

    /**
     * The {@code Sec-WebSocket-Accept} value for a key: base64(SHA-1(key + GUID)).
     *
     * @param key the {@code Sec-WebSocket-Key} sent
     * @return the value the server must answer
     */
    static String acceptKey(String key) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return Base64.getEncoder().encodeToString(sha1.digest((key + GUID).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private static String hostOnly(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static String hostPort(String host, int port) {
        return hostOnly(host) + ":" + port;
    }
}
