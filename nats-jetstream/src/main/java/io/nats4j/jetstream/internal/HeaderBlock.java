package io.nats4j.jetstream.internal;

import io.nats4j.client.Headers;
import io.nats4j.jetstream.JetStreamException;
import java.nio.charset.StandardCharsets;

/** Parses a raw NATS header block ({@code NATS/1.0\r\nName: value\r\n\r\n}) as stored in a stream. */
final class HeaderBlock {

    private HeaderBlock() {
    }

    /**
     * Parses the block.
     *
     * @param block the raw bytes, may be empty
     * @return the headers (the status line is not kept)
     * @throws JetStreamException when the block is malformed
     */
    static Headers parse(byte[] block) {
        Headers h = new Headers();
        if (block.length == 0) {
            return h;
        }
        String s = new String(block, StandardCharsets.UTF_8);
        if (!s.startsWith("NATS/1.0")) {
            throw new JetStreamException("stored message headers do not start with NATS/1.0");
        }
        int lineEnd = s.indexOf("\r\n");
        int pos = lineEnd < 0 ? s.length() : lineEnd + 2;
        while (pos < s.length()) {
            int end = s.indexOf("\r\n", pos);
            if (end < 0) {
                end = s.length();
            }
            if (end == pos) {
                break; // the blank line ending the block
            }
            int colon = s.indexOf(':', pos);
            if (colon < 0 || colon > end || colon == pos) {
                throw new JetStreamException("stored message has a malformed header line");
            }
            h.add(s.substring(pos, colon), s.substring(colon + 1, end).trim());
            pos = end + 2;
        }
        return h;
    }
}
