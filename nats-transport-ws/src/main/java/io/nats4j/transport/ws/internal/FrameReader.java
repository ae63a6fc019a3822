package io.nats4j.transport.ws.internal;

import io.nats4j.protocol.internal.net.SocketTransport;
import io.nats4j.transport.ws.WebSocketClosedException;
import java.io.EOFException;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Turns the server's frames back into the NATS byte stream: frame headers parsed from {@link #in},
 * payload handed to the caller (straight from the socket into the caller's buffer for the bulk of a
 * large frame), fragments joined, control frames answered, compressed messages inflated.
 *
 * <p>Rules enforced (RFC 6455 section 5): server frames are never masked; control frames are whole
 * and at most 125 bytes; a continuation only inside a fragmented message and a new message only
 * outside one; no reserved bit other than RSV1 on the first frame of a compressed message when
 * {@code permessage-deflate} was agreed. A violation answers with close 1002 and fails the read.
 *
 * <p>Threads: only the reader thread calls {@link #read}; every field is its own.
 */
final class FrameReader {

    private static final byte[] DEFLATE_TAIL = {0, 0, (byte) 0xff, (byte) 0xff};
    /** A frame left with at least this much payload is read straight into the caller's buffer. */
    private static final int DIRECT_READ = 8 * 1024;

    private final SocketTransport raw;
    private final FrameWriter writer;
    private final String where;
    /** Bytes from the socket not yet parsed; kept in read mode. */
    private final ByteBuffer in;
    /** Null unless permessage-deflate was agreed. */
    private final Inflater inflater;
    private final boolean resetInflater;
    private final byte[] zin;

    private long payloadLeft;
    private boolean frameFin;
    /** A data message has started and its final frame's payload is not used up yet. */
    private boolean inMessage;
    private boolean compressed;
    private boolean tailFed;
    /** The sender ended the deflate stream (BFINAL): the rest of the message carries nothing more. */
    private boolean discard;
    private IOException failed;

    /**
     * @param in bytes already read after the handshake, in read mode; this reader owns it
     * @param deflate whether permessage-deflate was agreed
     * @param resetInflater whether the server agreed to server_no_context_takeover
     */
    FrameReader(SocketTransport raw, FrameWriter writer, String where, ByteBuffer in, boolean deflate,
            boolean resetInflater) {
        this.raw = raw;
        this.writer = writer;
        this.where = where;
        this.in = in;
        this.inflater = deflate ? new Inflater(true) : null;
        this.resetInflater = resetInflater;
        this.zin = deflate ? new byte[16 * 1024] : null;
    }

    /**
     * Reads at least one byte of the NATS stream.
     *
     * @param dst the caller's buffer, with room
     * @return bytes read, or -1 when the server closed TCP between messages
     * @throws IOException on socket failure, a close frame ({@link WebSocketClosedException}), a
     *     protocol violation, or the end of the stream inside a message
     */
    int read(ByteBuffer dst) throws IOException {
        if (failed != null) {
            throw again(failed);
        }
        try {
            for (;;) {
                if (inMessage) {
                    int n = compressed ? inflate(dst) : copyPayload(dst);
                    if (n > 0) {
                        return n;
                    }
                    if (!compressed && payloadLeft == 0 && frameFin) {
                        inMessage = false;
                    }
                }
                if (!nextHeader() && fill() < 0) {
                    if (inMessage || in.hasRemaining()) {
                        throw new EOFException(where + " closed the connection inside a WebSocket frame");
                    }
                    end();
                    return -1;
                }
            }
        } catch (IOException e) {
            failed = e;
            end();
            throw e;
        }
    }

    private int copyPayload(ByteBuffer dst) throws IOException {
        if (payloadLeft == 0) {
            return 0;
        }
        if (in.hasRemaining()) {
            int n = (int) Math.min(Math.min(in.remaining(), dst.remaining()), payloadLeft);
            int limit = in.limit();
            in.limit(in.position() + n);
            dst.put(in);
            in.limit(limit);
            payloadLeft -= n;
            return n;
        }
        if (payloadLeft < DIRECT_READ && dst.remaining() >= DIRECT_READ) {
            return 0; // refill: the next headers likely come in the same read
        }
        int limit = dst.limit();
        dst.limit(dst.position() + (int) Math.min(dst.remaining(), payloadLeft));
        int n;
        try {
            n = raw.read(dst);
        } finally {
            dst.limit(limit);
        }
        if (n < 0) {
            throw new EOFException(where + " closed the connection inside a WebSocket frame");
        }
        payloadLeft -= n;
        return n;
    }

    /** Inflates into dst; 0 when the next frame is needed or the message ended. */
    private int inflate(ByteBuffer dst) throws IOException {
        for (;;) {
            if (!discard && !inflater.needsInput()) {
                int n;
                try {
                    n = inflater.inflate(dst);
                } catch (DataFormatException e) {
                    throw violation(1007, "sent a compressed message that does not inflate (" + e.getMessage() + ")");
                }
                if (n > 0) {
                    return n;
                }
                if (inflater.finished()) {
                    discard = true;
                } else if (!inflater.needsInput()) {
                    throw violation(1007, "sent a compressed message that needs a preset dictionary");
                }
            }
            if (payloadLeft > 0) {
                int k;
                if (in.hasRemaining()) {
                    k = (int) Math.min(Math.min(in.remaining(), zin.length), payloadLeft);
                    in.get(zin, 0, k);
                } else {
                    k = raw.read(ByteBuffer.wrap(zin, 0, (int) Math.min(zin.length, payloadLeft)));
                    if (k < 0) {
                        throw new EOFException(where + " closed the connection inside a WebSocket frame");
                    }
                }
                payloadLeft -= k;
                if (!discard) {
                    inflater.setInput(zin, 0, k);
                }
                continue;
            }
            if (!frameFin) {
                return 0;
            }
            if (!tailFed && !discard) {
                tailFed = true;
                inflater.setInput(DEFLATE_TAIL); // RFC 7692 7.2.2: what the sender left out
                continue;
            }
            inMessage = false;
            if (resetInflater || discard) {
                inflater.reset();
            }
            return 0;
        }
    }

    /** Parses one frame header if it is all buffered (a control frame with its payload). */
    private boolean nextHeader() throws IOException {
        int avail = in.remaining();
        if (avail < 2 || (inMessage && payloadLeft > 0)) {
            return false;
        }
        int p = in.position();
        int b0 = in.get(p) & 0xff;
        int b1 = in.get(p + 1) & 0xff;
        int headerLength = 2;
        long length = b1 & 0x7f;
        if (length == 126) {
            headerLength = 4;
            if (avail < headerLength) {
                return false;
            }
            length = in.getShort(p + 2) & 0xffff;
        } else if (length == 127) {
            headerLength = 10;
            if (avail < headerLength) {
                return false;
            }
            length = in.getLong(p + 2);
            if (length < 0) {
                throw violation(1002, "sent a frame length with the most significant bit set");
            }
        }
        if ((b1 & 0x80) != 0) {
            throw violation(1002, "sent a masked frame; a server must not mask its frames (RFC 6455 section 5.1)");
        }
        if ((b0 & 0x30) != 0) {
            throw violation(1002, "set the reserved bits RSV2/RSV3, which no agreed extension defines");
        }
        boolean fin = (b0 & 0x80) != 0;
        boolean rsv1 = (b0 & 0x40) != 0;
        int opcode = b0 & 0x0f;
        if (opcode >= 8) {
            if (!fin || length > 125 || rsv1) {
                throw violation(1002, "sent a fragmented, compressed or longer than 125 bytes control frame");
            }
            if (avail < headerLength + length) {
                return false;
            }
            in.position(p + headerLength);
            byte[] payload = new byte[(int) length];
            in.get(payload);
            control(opcode, payload);
            return true;
        }
        startData(opcode, rsv1);
        in.position(p + headerLength);
        payloadLeft = length;
        frameFin = fin;
        return true;
    }

    private void startData(int opcode, boolean rsv1) throws IOException {
        if (opcode == 0) {
            if (!inMessage) {
                throw violation(1002, "sent a continuation frame outside a fragmented message");
            }
            if (rsv1) {
                throw violation(1002, "set RSV1 on a continuation frame");
            }
        } else if (opcode == 1 || opcode == 2) {
            if (inMessage) {
                throw violation(1002, "started a new message inside a fragmented one");
            }
            if (rsv1 && inflater == null) {
                throw violation(1002, "sent a compressed frame, but permessage-deflate was not agreed");
            }
            inMessage = true;
            compressed = rsv1;
            tailFed = false;
            discard = false;
        } else {
            throw violation(1002, "sent a frame with the unknown opcode " + opcode);
        }
    }

    private void control(int opcode, byte[] payload) throws IOException {
        switch (opcode) {
            case FrameWriter.OP_PING -> writer.control(FrameWriter.OP_PONG, payload);
            case FrameWriter.OP_PONG -> {
                // unsolicited or late pongs need no answer
            }
            case FrameWriter.OP_CLOSE -> {
                if (payload.length == 1) {
                    throw violation(1002, "sent a close frame with a one-byte payload");
                }
                int code = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff)
                        : WebSocketClosedException.NO_STATUS;
                String reason = payload.length > 2
                        ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                replyClose(payload.length >= 2 ? code : 1000);
                throw new WebSocketClosedException(where, code, reason);
            }
            default -> throw violation(1002, "sent a control frame with the unknown opcode " + opcode);
        }
    }

    private ProtocolException violation(int closeCode, String what) {
        replyClose(closeCode);
        return new ProtocolException("WebSocket protocol error: " + where + " " + what);
    }

    private void replyClose(int code) {
        try {
            writer.control(FrameWriter.OP_CLOSE, new byte[] {(byte) (code >>> 8), (byte) code});
        } catch (IOException | RuntimeException ignored) {
            // the connection ends anyway; the reply is a courtesy
        }
    }

    private int fill() throws IOException {
        in.compact();
        try {
            return raw.read(in);
        } finally {
            in.flip();
        }
    }

    private void end() {
        if (inflater != null) {
            inflater.end();
        }
    }

    /** A failed reader keeps failing, with a fresh exception of the same kind pointing at the first. */
    private IOException again(IOException first) {
        IOException e = first instanceof WebSocketClosedException c
                ? new WebSocketClosedException(where, c.code(), c.reason())
                : new IOException(first.getMessage());
        e.initCause(first);
        return e;
    }
}
