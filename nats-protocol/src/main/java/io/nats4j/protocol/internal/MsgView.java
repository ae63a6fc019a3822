package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsProtocolException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * A zero-copy view of one {@code MSG} or {@code HMSG} frame, handed to
 * {@link ParserSink#onMsg(MsgView)}. The parser reuses one instance: it is valid only during that
 * call, and its byte ranges point into the read buffer (or the parser's own buffer when the frame
 * was split across reads). Materialising a {@code String} or {@code byte[]} is the caller's choice.
 *
 * <p>Layout invariant: for an {@code HMSG} the header block immediately precedes the payload
 * ({@code headersOffset() + headersLength() == payloadOffset()}); for a {@code MSG}
 * {@code headersOffset() == payloadOffset()} and {@code headersLength() == 0}.
 */
public final class MsgView {

    private byte[] array;
    private long sid;
    private int subjectOffset;
    private int subjectLength;
    private int replyOffset;
    private int replyLength;
    private int headersOffset;
    private int headersLength;
    private int payloadLength;

    /** Created by the parser only. */
    MsgView() {
    }

    /** Points the view at a frame; called by the parser before each {@code onMsg}. */
    void set(byte[] array, long sid, int subjectOffset, int subjectLength, int replyOffset, int replyLength,
            int headersOffset, int headersLength, int payloadLength) {
        this.array = array;
        this.sid = sid;
        this.subjectOffset = subjectOffset;
        this.subjectLength = subjectLength;
        this.replyOffset = replyOffset;
        this.replyLength = replyLength;
        this.headersOffset = headersOffset;
        this.headersLength = headersLength;
        this.payloadLength = payloadLength;
    }

    /**
     * The array holding this frame's subject, reply, headers and payload.
     *
     * @return the backing array; do not keep it past the callback
     */
    public byte[] array() {
        return array;
    }

    /**
     * The subscription id of the frame.
     *
     * @return the subscription id
     */
    public long sid() {
        return sid;
    }

    /**
     * Where the subject starts.
     *
     * @return offset of the subject in {@link #array()}
     */
    public int subjectOffset() {
        return subjectOffset;
    }

    /**
     * The subject's size.
     *
     * @return length of the subject in bytes
     */
    public int subjectLength() {
        return subjectLength;
    }

    /**
     * Where the reply subject starts.
     *
     * @return offset of the reply subject; meaningful only when {@link #replyLength()} &gt; 0
     */
    public int replyOffset() {
        return replyOffset;
    }

    /**
     * The reply subject's size.
     *
     * @return length of the reply subject, 0 when the frame has none
     */
    public int replyLength() {
        return replyLength;
    }

    /**
     * Where the header block starts.
     *
     * @return offset of the header block (starting {@code NATS/1.0}); equals {@link #payloadOffset()}
     *     for a plain {@code MSG}
     */
    public int headersOffset() {
        return headersOffset;
    }

    /**
     * The header block's size.
     *
     * @return length of the header block, 0 for a plain {@code MSG}
     */
    public int headersLength() {
        return headersLength;
    }

    /**
     * Where the payload starts.
     *
     * @return offset of the payload
     */
    public int payloadOffset() {
        return headersOffset + headersLength;
    }

    /**
     * The payload's size.
     *
     * @return length of the payload (without headers)
     */
    public int payloadLength() {
        return payloadLength;
    }

    /**
     * Whether the frame is an {@code HMSG}.
     *
     * @return true when the frame carries a header block
     */
    public boolean hasHeaders() {
        return headersLength > 0;
    }

    /**
     * Compares the subject with the given bytes without allocating.
     *
     * @param subject subject bytes
     * @return true when equal
     */
    public boolean subjectEquals(byte[] subject) {
        return Arrays.equals(array, subjectOffset, subjectOffset + subjectLength, subject, 0, subject.length);
    }

    /**
     * Decodes the subject.
     *
     * @return the subject as a new string (allocates)
     */
    public String subject() {
        return decode(array, subjectOffset, subjectLength);
    }

    /**
     * Decodes the reply subject.
     *
     * @return the reply subject as a new string (allocates), empty when none
     */
    public Optional<String> replyTo() {
        return replyLength == 0 ? Optional.empty() : Optional.of(decode(array, replyOffset, replyLength));
    }

    /**
     * Decodes the header block.
     *
     * @return the decoded headers and status (allocates)
     * @throws NatsProtocolException when the frame has no header block or it is malformed
     */
    public HeadersCodec.Decoded headers() {
        if (headersLength == 0) {
            throw new NatsProtocolException("MSG: frame has no header block");
        }
        return HeadersCodec.decode(array, headersOffset, headersLength);
    }

    /**
     * Copies the payload.
     *
     * @return a copy of the payload
     */
    public byte[] copyPayload() {
        int start = payloadOffset();
        return Arrays.copyOfRange(array, start, start + payloadLength);
    }

    @Override
    public String toString() {
        // Never the payload, which may be anything; the subject is routing data.
        return "MsgView[sid=" + sid + ", subject=" + (array == null ? "" : subject())
                + ", reply=" + replyLength + "B, headers=" + headersLength + "B, payload=" + payloadLength + "B]";
    }

    /** UTF-8 with an ASCII fast path: ASCII bytes become a compact Latin-1 string directly. */
    static String decode(byte[] a, int offset, int length) {
        for (int i = offset, end = offset + length; i < end; i++) {
            if (a[i] < 0) {
                return new String(a, offset, length, StandardCharsets.UTF_8);
            }
        }
        return new String(a, offset, length, StandardCharsets.ISO_8859_1);
    }
}
