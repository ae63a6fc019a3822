package io.nats4j.protocol;

import java.util.Optional;

/**
 * A zero-copy view of one {@code MSG} or {@code HMSG} frame, handed to
 * {@link ParserSink#onMsg(MsgView)}. The parser reuses one instance: it is valid only during that
 * call, and its byte ranges point into the read buffer (or the parser's own buffer when the frame
 * was split across reads). Materialising a {@code String} or {@code byte[]} is the caller's choice.
 */
public final class MsgView {

    /** Created by the parser only. */
    MsgView() {
    }

    /**
     * The array holding this frame's subject, reply, headers and payload.
     *
     * @return the backing array; do not keep it past the callback
     */
    public byte[] array() {
        throw new UnsupportedOperationException();
    }

    /** @return the subscription id */
    public long sid() {
        throw new UnsupportedOperationException();
    }

    /** @return offset of the subject in {@link #array()} */
    public int subjectOffset() {
        throw new UnsupportedOperationException();
    }

    /** @return length of the subject in bytes */
    public int subjectLength() {
        throw new UnsupportedOperationException();
    }

    /** @return offset of the reply subject; meaningful only when {@link #replyLength()} &gt; 0 */
    public int replyOffset() {
        throw new UnsupportedOperationException();
    }

    /** @return length of the reply subject, 0 when the frame has none */
    public int replyLength() {
        throw new UnsupportedOperationException();
    }

    /** @return offset of the header block (starting {@code NATS/1.0}) */
    public int headersOffset() {
        throw new UnsupportedOperationException();
    }

    /** @return length of the header block, 0 for a plain {@code MSG} */
    public int headersLength() {
        throw new UnsupportedOperationException();
    }

    /** @return offset of the payload */
    public int payloadOffset() {
        throw new UnsupportedOperationException();
    }

    /** @return length of the payload (without headers) */
    public int payloadLength() {
        throw new UnsupportedOperationException();
    }

    /**
     * Compares the subject with the given bytes without allocating.
     *
     * @param subject subject bytes
     * @return true when equal
     */
    public boolean subjectEquals(byte[] subject) {
        throw new UnsupportedOperationException();
    }

    /** @return the subject as a new string (allocates) */
    public String subject() {
        throw new UnsupportedOperationException();
    }

    /** @return the reply subject as a new string (allocates), empty when none */
    public Optional<String> replyTo() {
        throw new UnsupportedOperationException();
    }

    /** @return a copy of the payload */
    public byte[] copyPayload() {
        throw new UnsupportedOperationException();
    }
}
