package io.nats4j.transport.ws.internal;

import io.nats4j.protocol.internal.net.SocketTransport;
import java.io.IOException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The head of an HTTP/1.1 response (status line and headers), read from a socket within the
 * connect deadline; for a proxy's answer to {@code CONNECT} and the server's answer to the
 * WebSocket upgrade. The body, if any, is never read: only its status line matters to us.
 *
 * @param statusLine the first line, as sent
 * @param status the status code
 * @param headers header values by lower-case name, in order
 */
record HttpHead(String statusLine, int status, Map<String, List<String>> headers) {

    /**
     * Reads one response head into {@code in}; on return {@code in} is in read mode, positioned after
     * the head, with whatever the peer sent after it (the first WebSocket frames) left to read.
     *
     * @param raw the socket
     * @param in an empty buffer; its capacity bounds the head's size
     * @param deadline {@link System#nanoTime()} bound
     * @param peer who answers, for messages ("ws://host:port/", "proxy host:port")
     * @param what what was asked, for messages ("WebSocket upgrade")
     * @return the head
     * @throws IOException when the peer closes, is not speaking HTTP, sends a malformed or
     *     over-long head, or does not answer in time; the message quotes the peer's first line
     */
    static HttpHead read(SocketTransport raw, ByteBuffer in, long deadline, String peer, String what)
            throws IOException {
        in.clear().flip();
        int end;
        while ((end = endOfHead(in)) < 0) {
            if (in.remaining() >= 5 && !startsWithHttp(in)) {
                throw new ProtocolException(peer + " is not an HTTP server: it answered the " + what + " with '"
                        + firstLine(in) + "'" + (firstLine(in).startsWith("INFO") ? " (a NATS client port? use nats://)" : ""));
            }
            if (in.limit() == in.capacity()) {
                throw new ProtocolException(peer + " answered the " + what + " with more than " + in.capacity()
                        + " bytes of HTTP headers");
            }
            int n;
            in.position(in.limit()).limit(in.capacity());
            try {
                n = raw.read(in, deadline);
            } catch (SocketTimeoutException e) {
                SocketTimeoutException t = new SocketTimeoutException(peer + " did not answer the " + what
                        + " within the connect timeout");
                t.initCause(e);
                throw t;
            } finally {
                in.flip();
            }
            if (n < 0) {
                throw new ProtocolException(peer + " closed the connection without answering the " + what
                        + (in.hasRemaining() ? " (it sent '" + firstLine(in) + "')" : ""));
            }
        }
        String text = new String(in.array(), in.arrayOffset(), end, StandardCharsets.ISO_8859_1);
        in.position(end + 4);
        String[] lines = text.split("\r\n");
        HttpHead head = new HttpHead(lines[0], statusCode(lines[0], peer, what), new HashMap<>());
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                throw new ProtocolException(peer + " answered the " + what + " with a malformed header line '"
                        + shorten(lines[i]) + "'");
            }
            head.headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
        }
        return head;
    }

    /**
     * The values of a header, split at commas (lists may come in one line or several).
     *
     * @param name the lower-case header name
     * @return the values, trimmed, possibly empty
     */
    List<String> values(String name) {
        List<String> out = new ArrayList<>();
        for (String line : headers.getOrDefault(name, List.of())) {
            for (String v : line.split(",")) {
                if (!v.isBlank()) {
                    out.add(v.trim());
                }
            }
        }
        return out;
    }

    private static int statusCode(String statusLine, String peer, String what) throws ProtocolException {
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.") || parts[1].length() != 3) {
            throw new ProtocolException(peer + " answered the " + what + " with a malformed status line '"
                    + shorten(statusLine) + "'");
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new ProtocolException(peer + " answered the " + what + " with a malformed status line '"
                    + shorten(statusLine) + "'");
        }
    }

    /** The offset of the blank line that ends the head, or -1. */
    private static int endOfHead(ByteBuffer in) {
        for (int i = 3; i < in.limit(); i++) {
            if (in.get(i) == '\n' && in.get(i - 1) == '\r' && in.get(i - 2) == '\n' && in.get(i - 3) == '\r') {
                return i - 3;
            }
        }
        return -1;
    }

    private static boolean startsWithHttp(ByteBuffer in) {
        return in.get(0) == 'H' && in.get(1) == 'T' && in.get(2) == 'T' && in.get(3) == 'P' && in.get(4) == '/';
    }

    private static String firstLine(ByteBuffer in) {
        int n = 0;
        while (n < in.limit() && in.get(n) != '\r' && in.get(n) != '\n') {
            n++;
        }
        return shorten(new String(in.array(), in.arrayOffset(), n, StandardCharsets.ISO_8859_1));
    }

    private static String shorten(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length() && b.length() < 80; i++) {
            char c = s.charAt(i);
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return s.length() > 80 ? b + "..." : b.toString();
    }
}
