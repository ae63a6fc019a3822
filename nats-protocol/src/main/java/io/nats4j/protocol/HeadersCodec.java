package io.nats4j.protocol;

import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes NATS header blocks: {@code NATS/1.0[ <status>[ <description>]]\r\n}, then
 * {@code Name: value\r\n} lines, then {@code \r\n}. Names are case-sensitive and may repeat.
 */
public final class HeadersCodec {

    private HeadersCodec() {
    }

    /**
     * A decoded header block.
     *
     * @param status the status code (e.g. 503 no responders, 408, 100 idle heartbeat), 0 when none
     * @param description the status description, empty when none
     * @param headers the headers in wire order, names as sent; values in order
     */
    public record Decoded(int status, String description, Map<String, List<String>> headers) {
    }

    /**
     * Checks a header name: printable ASCII, no {@code :} and no whitespace.
     *
     * @param name the name
     * @throws NatsIllegalArgumentException naming the header and what is wrong with it
     */
    public static void validateName(String name) {
        throw new UnsupportedOperationException();
    }

    /**
     * Checks a header value: no CR or LF.
     *
     * @param name the header the value belongs to, for the message
     * @param value the value
     * @throws NatsIllegalArgumentException naming the header
     */
    public static void validateValue(String name, String value) {
        throw new UnsupportedOperationException();
    }

    /**
     * Encodes headers, validating each name and value.
     *
     * @param headers names to values, in the order to send them
     * @return the header block
     * @throws NatsIllegalArgumentException on an invalid name or value
     */
    public static byte[] encode(Map<String, List<String>> headers) {
        throw new UnsupportedOperationException();
    }

    /**
     * Decodes a header block received in an {@code HMSG}.
     *
     * @param src the buffer
     * @param offset where the block starts
     * @param length its length
     * @return the decoded block
     * @throws NatsProtocolException when the block is malformed
     */
    public static Decoded decode(byte[] src, int offset, int length) {
        throw new UnsupportedOperationException();
    }
}
