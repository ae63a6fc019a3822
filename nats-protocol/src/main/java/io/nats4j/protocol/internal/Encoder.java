package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Encodes client operations into a buffer the caller gives, with no intermediate objects.
 *
 * <p>Each {@code xxxCapacity} method returns an upper bound of the bytes the matching encode method
 * writes; the caller makes sure {@code dst} has that much room. Every encode method validates its
 * input first and, when it throws, leaves {@code dst}'s position where it was.
 *
 * <p>Heap buffers are written through their array: subject characters are validated and copied in
 * one pass, length digits are written in place, and nothing is allocated. Direct buffers work too;
 * their control line goes through a per-thread scratch array first.
 *
 * <p>Pitfalls: the encoder does not check {@code max_payload}; the caller does, before encoding.
 * When {@code dst} has fewer bytes remaining than the capacity bound, the encode methods throw
 * {@link BufferOverflowException} without writing, even if the exact encoding would have fit.
 */
public final class Encoder {

    private static final byte[] PUB = {'P', 'U', 'B', ' '};
    private static final byte[] HPUB = {'H', 'P', 'U', 'B', ' '};
    private static final byte[] SUB = {'S', 'U', 'B', ' '};
    private static final byte[] UNSUB = {'U', 'N', 'S', 'U', 'B', ' '};
    private static final byte[] PING = {'P', 'I', 'N', 'G', '\r', '\n'};
    private static final byte[] PONG = {'P', 'O', 'N', 'G', '\r', '\n'};

    /** Digits of the largest long plus a sign. */
    private static final int MAX_LONG_DIGITS = 20;

    /** Scratch for direct buffers only; heap buffers are written in place. */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[512]);

    private Encoder() {
    }

    /**
     * Upper bound of the bytes {@link #pub} writes.
     *
     * @param subject the subject
     * @param replyTo the reply subject, or {@code null} for none
     * @param payloadLength payload length
     * @return bytes needed at most
     */
    public static int pubCapacity(String subject, String replyTo, int payloadLength) {
        return controlCapacity(subject, replyTo) + payloadLength + 2;
    }

    /**
     * Writes {@code PUB <subject> [reply] <#bytes>\r\n<payload>\r\n}.
     *
     * @param dst the destination buffer, with at least {@link #pubCapacity} bytes remaining
     * @param subject a valid publish subject (no wildcards, no whitespace, no empty token)
     * @param replyTo the reply subject, or {@code null} for none
     * @param payload the payload array
     * @param offset payload offset
     * @param length payload length
     * @throws NatsIllegalArgumentException when the subject or reply is invalid, naming it
     * @throws IndexOutOfBoundsException when offset and length do not fit the payload array
     * @throws BufferOverflowException when {@code dst} has less than {@link #pubCapacity} remaining
     */
    public static void pub(ByteBuffer dst, String subject, String replyTo, byte[] payload, int offset, int length) {
        publish(dst, PUB, subject, replyTo, null, payload, offset, length);
    }

    /**
     * Upper bound of the bytes {@link #hpub} writes.
     *
     * @param subject the subject
     * @param replyTo the reply subject, or {@code null} for none
     * @param headersLength length of the encoded header block
     * @param payloadLength payload length
     * @return bytes needed at most
     */
    public static int hpubCapacity(String subject, String replyTo, int headersLength, int payloadLength) {
        return controlCapacity(subject, replyTo) + MAX_LONG_DIGITS + 2 + headersLength + payloadLength + 2;
    }

    /**
     * Writes {@code HPUB <subject> [reply] <#hdr> <#total>\r\n<headers><payload>\r\n}.
     *
     * @param dst the destination buffer, with at least {@link #hpubCapacity} bytes remaining
     * @param subject a valid publish subject
     * @param replyTo the reply subject, or {@code null} for none
     * @param headerBlock an encoded header block from {@link HeadersCodec#encode}
     * @param payload the payload array
     * @param offset payload offset
     * @param length payload length
     * @throws NatsIllegalArgumentException when the subject or reply is invalid, naming it
     * @throws IndexOutOfBoundsException when offset and length do not fit the payload array
     * @throws BufferOverflowException when {@code dst} has less than {@link #hpubCapacity} remaining
     */
    public static void hpub(ByteBuffer dst, String subject, String replyTo, byte[] headerBlock,
            byte[] payload, int offset, int length) {
        publish(dst, HPUB, subject, replyTo, Objects.requireNonNull(headerBlock, "headerBlock"), payload, offset, length);
    }

    /** PUB ({@code headerBlock} null) or HPUB: control line, optional header block, payload, CRLF. */
    private static void publish(ByteBuffer dst, byte[] op, String subject, String replyTo, byte[] headerBlock,
            byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        int hdr = headerBlock == null ? -1 : headerBlock.length;
        int control = controlCapacity(subject, replyTo) + (hdr < 0 ? 0 : MAX_LONG_DIGITS + 2);
        int start = dst.position();
        if (dst.remaining() < control + Math.max(hdr, 0) + length + 2) {
            throw new BufferOverflowException();
        }
        int total = hdr < 0 ? length : hdr + length;
        if (dst.hasArray()) {
            byte[] a = dst.array();
            int i = dst.arrayOffset() + start;
            i = pubLine(a, i, op, subject, replyTo, hdr, total);
            if (hdr > 0) {
                System.arraycopy(headerBlock, 0, a, i, hdr);
                i += hdr;
            }
            System.arraycopy(payload, offset, a, i, length);
            i += length;
            a[i] = '\r';
            a[i + 1] = '\n';
            dst.position(i + 2 - dst.arrayOffset());
        } else {
            byte[] s = scratch(control);
            int n = pubLine(s, 0, op, subject, replyTo, hdr, total);
            putDirect(dst, start, s, n, headerBlock, payload, offset, length);
        }
    }

    /**
     * Writes {@code SUB <subject> [queue] <sid>\r\n}. Needs at most
     * {@code 3 * (subject.length() + queue.length()) + 32} bytes.
     *
     * @param dst destination
     * @param subject a valid subscribe subject (wildcards allowed)
     * @param queue the queue group, or {@code null} for none
     * @param sid the subscription id, not negative
     * @throws NatsIllegalArgumentException when the subject, queue group or sid is invalid
     * @throws BufferOverflowException when {@code dst} has less room than the bound above
     */
    public static void sub(ByteBuffer dst, String subject, String queue, long sid) {
        if (sid < 0) {
            throw new NatsIllegalArgumentException("sid must not be negative: " + sid);
        }
        int capacity = 3 * (len(subject) + len(queue)) + 32;
        if (dst.remaining() < capacity) {
            throw new BufferOverflowException();
        }
        boolean heap = dst.hasArray();
        byte[] a = heap ? dst.array() : scratch(capacity);
        int start = heap ? dst.arrayOffset() + dst.position() : 0;
        int i = put(a, start, SUB);
        i = SubjectCodec.encode(subject, SubjectCodec.SUBSCRIBE, "subject", a, i);
        a[i++] = ' ';
        if (queue != null) {
            i = SubjectCodec.encode(queue, SubjectCodec.QUEUE, "queue group", a, i);
            a[i++] = ' ';
        }
        i = writeLong(a, i, sid);
        a[i++] = '\r';
        a[i++] = '\n';
        finish(dst, heap, a, start, i);
    }

    /**
     * Writes {@code UNSUB <sid> [max]\r\n}. Needs at most 48 bytes.
     *
     * @param dst destination
     * @param sid the subscription id, not negative
     * @param max auto-unsubscribe after this many messages; 0 or less for none
     * @throws NatsIllegalArgumentException when the sid is negative
     * @throws BufferOverflowException when {@code dst} has less than 48 bytes remaining
     */
    public static void unsub(ByteBuffer dst, long sid, long max) {
        if (sid < 0) {
            throw new NatsIllegalArgumentException("sid must not be negative: " + sid);
        }
        if (dst.remaining() < 48) {
            throw new BufferOverflowException();
        }
        boolean heap = dst.hasArray();
        byte[] a = heap ? dst.array() : scratch(48);
        int start = heap ? dst.arrayOffset() + dst.position() : 0;
        int i = put(a, start, UNSUB);
        i = writeLong(a, i, sid);
        if (max > 0) {
            a[i++] = ' ';
            i = writeLong(a, i, max);
        }
        a[i++] = '\r';
        a[i++] = '\n';
        finish(dst, heap, a, start, i);
    }

    /**
     * Writes {@code PING\r\n}.
     *
     * @param dst destination with 6 bytes remaining
     * @throws BufferOverflowException when fewer than 6 bytes remain
     */
    public static void ping(ByteBuffer dst) {
        dst.put(PING);
    }

    /**
     * Writes {@code PONG\r\n}.
     *
     * @param dst destination with 6 bytes remaining
     * @throws BufferOverflowException when fewer than 6 bytes remain
     */
    public static void pong(ByteBuffer dst) {
        dst.put(PONG);
    }

    /** Bytes of the control line of a PUB at most, without the HPUB header-size field. */
    private static int controlCapacity(String subject, String replyTo) {
        // "HPUB " + subject + ' ' + reply + ' ' + digits + "\r\n"; a Java char is at most 3 UTF-8 bytes
        return 5 + 3 * len(subject) + 1 + (replyTo == null ? 0 : 3 * replyTo.length() + 1)
                + MAX_LONG_DIGITS + 2;
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }

    /** Writes the control line; {@code hdr} is -1 for PUB. Validation happens as it writes. */
    private static int pubLine(byte[] a, int i, byte[] op, String subject, String replyTo, int hdr, int total) {
        i = put(a, i, op);
        i = SubjectCodec.encode(subject, SubjectCodec.PUBLISH, "subject", a, i);
        a[i++] = ' ';
        if (replyTo != null) {
            i = SubjectCodec.encode(replyTo, SubjectCodec.PUBLISH, "reply subject", a, i);
            a[i++] = ' ';
        }
        if (hdr >= 0) {
            i = writeLong(a, i, hdr);
            a[i++] = ' ';
        }
        i = writeLong(a, i, total);
        a[i] = '\r';
        a[i + 1] = '\n';
        return i + 2;
    }

    private static int put(byte[] a, int i, byte[] literal) {
        System.arraycopy(literal, 0, a, i, literal.length);
        return i + literal.length;
    }

    /** Writes the decimal digits of a non-negative value. */
    static int writeLong(byte[] a, int i, long v) {
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = i + digits;
        int j = end;
        do {
            a[--j] = (byte) ('0' + (int) (v % 10));
            v /= 10;
        } while (v != 0);
        return end;
    }

    private static byte[] scratch(int capacity) {
        byte[] s = SCRATCH.get();
        if (s.length < capacity) {
            s = new byte[Math.max(capacity, s.length * 2)];
            SCRATCH.set(s);
        }
        return s;
    }

    private static void finish(ByteBuffer dst, boolean heap, byte[] a, int start, int end) {
        if (heap) {
            dst.position(end - dst.arrayOffset());
        } else {
            dst.put(dst.position(), a, 0, end - start);
            dst.position(dst.position() + end - start);
        }
    }

    private static void putDirect(ByteBuffer dst, int start, byte[] line, int lineLength, byte[] headers,
            byte[] payload, int offset, int length) {
        int i = start;
        dst.put(i, line, 0, lineLength);
        i += lineLength;
        if (headers != null) {
            dst.put(i, headers, 0, headers.length);
            i += headers.length;
        }
        dst.put(i, payload, offset, length);
        i += length;
        dst.put(i, (byte) '\r');
        dst.put(i + 1, (byte) '\n');
        dst.position(i + 2);
    }
}
