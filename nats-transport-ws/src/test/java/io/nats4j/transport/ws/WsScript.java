package io.nats4j.transport.ws;

import io.nats4j.testing.FakeServer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Byte-exact server side of the WebSocket protocol for scripted {@link FakeServer}s. */
final class WsScript {

    static final int FIN = 0x80;
    static final int BINARY = 0x2;
    static final int CONT = 0x0;
    static final int CLOSE = 0x8;
    static final int PING = 0x9;
    static final int PONG = 0xA;

    /** A client frame as read by the fake. */
    record Frame(int b0, boolean masked, byte[] maskKey, int lengthBytes, byte[] payload) {
        int opcode() {
            return b0 & 0x0f;
        }
    }

    private WsScript() {
    }

    /** Reads the request head: its lines, without the blank line that ends it. */
    static List<String> readRequest(FakeServer.Connection c) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = c.readLine(); line != null && !line.isEmpty(); line = c.readLine()) {
            lines.add(line);
        }
        return lines;
    }

    static String header(List<String> request, String name) {
        for (String line : request) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    /** Reads the request and answers 101 with the right accept key and {@code extraHeaders} (each ending CRLF). */
    static List<String> accept(FakeServer.Connection c, String extraHeaders) throws IOException {
        List<String> request = readRequest(c);
        c.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptKey(header(request, "Sec-WebSocket-Key")) + "\r\n"
                + extraHeaders + "\r\n");
        return request;
    }

    static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1")
                    .digest((key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** An unmasked server frame. */
    static byte[] frame(int b0, byte[] payload) {
        return frame(b0, payload, null);
    }

    /** A server frame, masked with {@code mask} when not null (which servers must not do). */
    static byte[] frame(int b0, byte[] payload, byte[] mask) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b0);
        int m = mask == null ? 0 : 0x80;
        int n = payload.length;
        if (n < 126) {
            out.write(m | n);
        } else if (n <= 0xffff) {
            out.write(m | 126);
            out.write(n >>> 8);
            out.write(n);
        } else {
            out.write(m | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) n >>> shift));
            }
        }
        if (mask != null) {
            out.writeBytes(mask);
            for (int i = 0; i < n; i++) {
                out.write(payload[i] ^ mask[i & 3]);
            }
        } else {
            out.writeBytes(payload);
        }
        return out.toByteArray();
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** Reads one client frame and unmasks its payload. */
    static Frame readFrame(FakeServer.Connection c) throws IOException {
        DataInputStream in = new DataInputStream(c.in());
        int b0 = in.readUnsignedByte();
        int b1 = in.readUnsignedByte();
        long len = b1 & 0x7f;
        int lengthBytes = 0;
        if (len == 126) {
            len = in.readUnsignedShort();
            lengthBytes = 2;
        } else if (len == 127) {
            len = in.readLong();
            lengthBytes = 8;
        }
        boolean masked = (b1 & 0x80) != 0;
        byte[] key = new byte[4];
        if (masked) {
            in.readFully(key);
        }
        byte[] payload = new byte[(int) len];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= key[i & 3];
        }
        return new Frame(b0, masked, key, lengthBytes, payload);
    }

    /** Reads client data frames until {@code text} has arrived (as a whole); returns all payload read. */
    static String readTextUntil(FakeServer.Connection c, String suffix) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(suffix)) {
            Frame f = readFrame(c);
            if (f.opcode() == BINARY || f.opcode() == CONT) {
                sb.append(new String(f.payload(), StandardCharsets.US_ASCII));
            } else if (f.opcode() == CLOSE) {
                throw new IOException("client closed; had '" + sb + "'");
            }
        }
        return sb.toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
