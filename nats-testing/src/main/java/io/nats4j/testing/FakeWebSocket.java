package io.nats4j.testing;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * The server side of a minimal WebSocket (RFC 6455) for {@link FakeServer}: the HTTP upgrade, and
 * streams that turn the client's binary frames into bytes and bytes into unmasked binary frames, so
 * that a script reads and writes the NATS text as over TCP.
 */
final class FakeWebSocket {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private FakeWebSocket() {
    }

    /**
     * Reads the client's upgrade request and answers {@code 101 Switching Protocols}.
     *
     * @param in the raw socket input
     * @param out the raw socket output
     * @throws IOException when the request is not a WebSocket upgrade or the socket fails
     */
    static void acceptUpgrade(InputStream in, OutputStream out) throws IOException {
        String key = null;
        for (String line = readHttpLine(in); !line.isEmpty(); line = readHttpLine(in)) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().toLowerCase(Locale.ROOT).equals("sec-websocket-key")) {
                key = line.substring(colon + 1).trim();
            }
        }
        if (key == null) {
            out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            throw new IOException("the client sent no Sec-WebSocket-Key");
        }
        String response = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Accept: " + acceptKey(key) + "\r\n\r\n";
        out.write(response.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * The {@code Sec-WebSocket-Accept} value for a client key: base64(SHA-1(key + GUID)).
     *
     * @param key the client's {@code Sec-WebSocket-Key}
     * @return the accept value
     */
    static String acceptKey(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every JDK", e);
        }
    }

    private static String readHttpLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the client closed during the WebSocket upgrade");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    /** The payload bytes of the client's data frames, unmasked; a close frame ends the stream. */
    static final class FrameInput extends InputStream {
        private final InputStream in;
        private long left; // payload bytes left in the current frame
        private final byte[] mask = new byte[4];
        private long offset; // position in the current frame, for the mask
        private boolean closed;

        FrameInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (left == 0) {
                if (closed || !nextFrame()) {
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                b[off + i] ^= mask[(int) ((offset + i) & 3)];
            }
            offset += n;
            left -= n;
            return n;
        }

        /** Reads a frame header; false at a close frame or the end of the stream. */
        private boolean nextFrame() throws IOException {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return false;
            }
            long len = b1 & 0x7f;
            if (len == 126) {
                len = (readByte() << 8) | readByte();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | readByte();
                }
            }
            boolean masked = (b1 & 0x80) != 0;
            for (int i = 0; i < 4; i++) {
                mask[i] = masked ? (byte) readByte() : 0;
            }
            int opcode = b0 & 0x0f;
            offset = 0;
            if (opcode >= 8) { // control frame: skip its payload; a close ends the stream
                in.skipNBytes(len);
                closed = opcode == 8;
                return !closed;
            }
            left = len;
            return true;
        }

        private int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("the client closed inside a frame header");
            }
            return b;
        }
    }

    /** Each write becomes one unmasked binary frame (server frames are never masked). */
    static final class FrameOutput extends OutputStream {
        private final OutputStream out;

        FrameOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len < 126) {
                out.write(new byte[] {(byte) 0x82, (byte) len});
            } else if (len <= 0xffff) {
                out.write(new byte[] {(byte) 0x82, 126, (byte) (len >>> 8), (byte) len});
            } else {
                out.write(new byte[] {(byte) 0x82, 127, 0, 0, 0, 0,
                    (byte) (len >>> 24), (byte) (len >>> 16), (byte) (len >>> 8), (byte) len});
            }
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }
    }
}
