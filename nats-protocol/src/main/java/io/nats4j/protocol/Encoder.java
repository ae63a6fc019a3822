package io.nats4j.protocol;

import java.nio.ByteBuffer;

/**
 * Encodes client operations into a buffer the caller gives, with no intermediate objects.
 *
 * <p>Each {@code xxxCapacity} method returns an upper bound of the bytes the matching encode method
 * writes; the caller makes sure {@code dst} has that much room. Every encode method validates its
 * input first and, when it throws, leaves {@code dst}'s position where it was.
 */
public final class Encoder {

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
        throw new UnsupportedOperationException();
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
     */
    public static void pub(ByteBuffer dst, String subject, String replyTo, byte[] payload, int offset, int length) {
        throw new UnsupportedOperationException();
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
        throw new UnsupportedOperationException();
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
     */
    public static void hpub(ByteBuffer dst, String subject, String replyTo, byte[] headerBlock,
            byte[] payload, int offset, int length) {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes {@code SUB <subject> [queue] <sid>\r\n}. Needs at most
     * {@code 3 * (subject.length() + queue.length()) + 32} bytes.
     *
     * @param dst destination
     * @param subject a valid subscribe subject (wildcards allowed)
     * @param queue the queue group, or {@code null} for none
     * @param sid the subscription id
     * @throws NatsIllegalArgumentException when the subject or queue group is invalid
     */
    public static void sub(ByteBuffer dst, String subject, String queue, long sid) {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes {@code UNSUB <sid> [max]\r\n}. Needs at most 48 bytes.
     *
     * @param dst destination
     * @param sid the subscription id
     * @param max auto-unsubscribe after this many messages; 0 or less for none
     */
    public static void unsub(ByteBuffer dst, long sid, long max) {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes {@code PING\r\n}.
     *
     * @param dst destination with 6 bytes remaining
     */
    public static void ping(ByteBuffer dst) {
        throw new UnsupportedOperationException();
    }

    /**
     * Writes {@code PONG\r\n}.
     *
     * @param dst destination with 6 bytes remaining
     */
    public static void pong(ByteBuffer dst) {
        throw new UnsupportedOperationException();
    }
}
