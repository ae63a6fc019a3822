package io.nats4j.transport.ws.internal;

import io.nats4j.protocol.internal.net.SocketTransport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.Deflater;

/**
 * Writes client frames: each {@link #write} call becomes one masked binary frame (compressed with
 * {@code permessage-deflate} when agreed and the data is worth it), and the reader's control replies
 * (pong, close) go out whole between them. A message that deflate cannot shrink goes out plain.
 *
 * <p>Copies: masking needs the bytes in a buffer of ours (the caller's must stay as they were), so
 * each byte is copied once, eight at a time with the mask XORed in; no other copy is made. A
 * compressed message is deflated into {@link #zout} and masked there in place.
 *
 * <p>Threads: the writer thread and the reader thread (for control replies) both come here;
 * {@link #lock} keeps frames whole on the wire and guards every field.
 */
final class FrameWriter {

    static final int OP_BINARY = 0x2;
    static final int OP_CLOSE = 0x8;
    static final int OP_PING = 0x9;
    static final int OP_PONG = 0xA;
    private static final int FIN = 0x80;
    private static final int RSV1 = 0x40;
    /** Below this many bytes deflate saves nothing worth its CPU (nats-server uses the same bound). */
    static final int COMPRESS_THRESHOLD = 64;
    private static final int OUT_SIZE = 64 * 1024;

    private final SocketTransport raw;
    private final ReentrantLock lock = new ReentrantLock();
    /** Direct: the socket takes it without the JDK's own copy into a temporary direct buffer. */
    private final ByteBuffer out = ByteBuffer.allocateDirect(OUT_SIZE + 14);
    private final ByteBuffer control = ByteBuffer.allocate(2 + 4 + 125);
    private final SecureRandom random = new SecureRandom();
    private final byte[] keys = new byte[512];
    private int nextKey = keys.length;
    /** Null unless permessage-deflate was agreed. */
    private final Deflater deflater;
    private ByteBuffer zout;
    /** Set by {@link #release()}: the deflater is gone and nothing more may be written. */
    private boolean released;

    FrameWriter(SocketTransport raw, boolean deflate) {
        this.raw = raw;
        this.deflater = deflate ? new Deflater(Deflater.BEST_SPEED, true) : null;
        this.zout = deflate ? ByteBuffer.allocate(OUT_SIZE) : null;
    }

    /**
     * Sends every remaining byte of {@code srcs} as one message.
     *
     * @param srcs the bytes; their positions advance
     * @throws IOException when the socket fails or stalls past the write deadline
     */
    void write(ByteBuffer[] srcs) throws IOException {
        long total = 0;
        for (ByteBuffer b : srcs) {
            total += b.remaining();
        }
        if (total == 0) {
            return;
        }
        lock.lock();
        try {
            if (released) {
                throw raw.closedException();
            }
            if (deflater != null && total >= COMPRESS_THRESHOLD) {
                writeCompressed(srcs, total);
            } else {
                writePlain(srcs, total);
            }
        } finally {
            lock.unlock();
        }
    }

    private void writePlain(ByteBuffer[] srcs, long total) throws IOException {
        int key = nextKey();
        out.clear();
        header(out, FIN | OP_BINARY, total, key);
        int phase = 0;
        for (ByteBuffer src : srcs) {
            while (src.hasRemaining()) {
                if (!out.hasRemaining()) {
                    flushOut();
                }
                phase = mask(src, out, key, phase);
            }
        }
        flushOut();
    }

    private void flushOut() throws IOException {
        out.flip();
        raw.write(out);
        out.clear();
    }

    private void writeCompressed(ByteBuffer[] srcs, long total) throws IOException {
        int[] start = new int[srcs.length];
        for (int i = 0; i < srcs.length; i++) {
            start[i] = srcs[i].position();
        }
        zout.clear();
        for (ByteBuffer src : srcs) {
            deflater.setInput(src); // consumes src, advancing its position
            while (!deflater.needsInput()) {
                growIfFull();
                deflater.deflate(zout, Deflater.NO_FLUSH);
            }
        }
        do {
            growIfFull();
            deflater.deflate(zout, Deflater.SYNC_FLUSH);
        } while (!zout.hasRemaining());
        deflater.reset(); // client_no_context_takeover: every message stands alone
        // RFC 7692 7.2.1: a sync flush ends with 00 00 ff ff, which the message leaves out
        int end = zout.position();
        if (end >= 4 && zout.getInt(end - 4) == 0x0000ffff) {
            end -= 4;
        }
        if (end >= total) {
            // nothing to gain (random or already compressed data): this message goes out plain
            for (int i = 0; i < srcs.length; i++) {
                srcs[i].position(start[i]);
            }
            writePlain(srcs, total);
            return;
        }
        zout.flip().limit(end);
        int key = nextKey();
        maskInPlace(zout, key);
        out.clear();
        header(out, FIN | RSV1 | OP_BINARY, end, key);
        out.flip();
        raw.write(out, zout);
    }

    private void growIfFull() {
        if (!zout.hasRemaining()) {
            ByteBuffer bigger = ByteBuffer.allocate(zout.capacity() * 2);
            zout.flip();
            bigger.put(zout);
            zout = bigger;
        }
    }

    /**
     * Sends a control frame (pong, close) whole, between data frames.
     *
     * @param opcode the control opcode
     * @param payload at most 125 bytes
     * @throws IOException when the socket fails
     */
    void control(int opcode, byte[] payload) throws IOException {
        lock.lock();
        try {
            raw.write(controlFrame(opcode, payload));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends a close frame if no write is under way and it can go out without waiting; for
     * {@code close()}, which must be prompt. Over TLS nothing is sent (the TLS layer may block).
     *
     * @param code the close code
     */
    void closeIfIdle(int code) {
        if (raw.isSecure() || lock.isHeldByCurrentThread() || !lock.tryLock()) {
            return;
        }
        try {
            raw.tryWriteOnce(controlFrame(OP_CLOSE, new byte[] {(byte) (code >>> 8), (byte) code}));
        } finally {
            lock.unlock();
        }
    }

    private ByteBuffer controlFrame(int opcode, byte[] payload) {
        int key = nextKey();
        control.clear();
        header(control, FIN | opcode, payload.length, key);
        mask(ByteBuffer.wrap(payload), control, key, 0);
        return control.flip();
    }

    /** A fresh mask key per frame, from a strong source (RFC 6455 section 10.3); drawn in batches. */
    private int nextKey() {
        if (nextKey == keys.length) {
            random.nextBytes(keys);
            nextKey = 0;
        }
        int k = ((keys[nextKey] & 0xff) << 24) | ((keys[nextKey + 1] & 0xff) << 16)
                | ((keys[nextKey + 2] & 0xff) << 8) | (keys[nextKey + 3] & 0xff);
        nextKey += 4;
        return k;
    }

    static void header(ByteBuffer b, int firstByte, long length, int key) {
        b.put((byte) firstByte);
        if (length < 126) {
            b.put((byte) (0x80 | length));
        } else if (length <= 0xffff) {
            b.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            b.put((byte) (0x80 | 127)).putLong(length);
        }
        b.putInt(key);
    }

    /**
     * Copies as many bytes as fit from {@code src} to {@code dst}, XORed with the mask.
     *
     * @param key the frame's mask key, big-endian (its first byte masks payload byte 0)
     * @param phase the payload offset modulo 4 of the first byte copied
     * @return the phase after the copy
     */
    static int mask(ByteBuffer src, ByteBuffer dst, int key, int phase) {
        int n = Math.min(src.remaining(), dst.remaining());
        int k = Integer.rotateLeft(key, 8 * phase);
        int i = 0;
        if (src.order() == ByteOrder.BIG_ENDIAN && dst.order() == ByteOrder.BIG_ENDIAN) {
            long k64 = ((long) k << 32) | (k & 0xffffffffL);
            for (; i + 8 <= n; i += 8) {
                dst.putLong(src.getLong() ^ k64); // 8 bytes keep the phase
            }
        }
        for (; i < n; i++) {
            dst.put((byte) (src.get() ^ (k >>> 24)));
            k = Integer.rotateLeft(k, 8);
            phase = (phase + 1) & 3;
        }
        return phase;
    }

    /** Masks the remaining bytes of a buffer of ours in place. */
    private static void maskInPlace(ByteBuffer b, int key) {
        long k64 = ((long) key << 32) | (key & 0xffffffffL);
        int i = b.position();
        int end = b.limit();
        for (; i + 8 <= end; i += 8) {
            b.putLong(i, b.getLong(i) ^ k64);
        }
        int k = key;
        for (; i < end; i++) {
            b.put(i, (byte) (b.get(i) ^ (k >>> 24)));
            k = Integer.rotateLeft(k, 8);
        }
    }

    /**
     * After the socket was closed: frees the deflater's native memory now unless a write holds it
     * (then its cleaner does, later); writes fail from here on.
     */
    void release() {
        if (deflater != null && lock.tryLock()) {
            try {
                released = true;
                deflater.end();
            } finally {
                lock.unlock();
            }
        }
    }
}
