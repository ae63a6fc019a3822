package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;
import io.nats4j.protocol.NatsProtocolException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes and decodes NATS header blocks: {@code NATS/1.0[ <status>[ <description>]]\r\n}, then
 * {@code Name: value\r\n} lines, then {@code \r\n}. Names are case-sensitive and may repeat.
 *
 * <p>Values are UTF-8. On decoding, blanks after the {@code :} are dropped and the rest of the value,
 * inner and trailing spaces included, is kept as sent.
 */
public final class HeadersCodec {

    private static final byte[] VERSION = {'N', 'A', 'T', 'S', '/', '1', '.', '0'};

    private HeadersCodec() {
    }

    /**
     * A decoded header block.
     *
     * @param status the status code (e.g. 503 no responders, 408, 100 idle heartbeat), 0 when none
     * @param description the status description, empty when none
     * @param headers the headers in wire order (a {@link LinkedHashMap}), names as sent; values in order
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
        if (name == null || name.isEmpty()) {
            throw new NatsIllegalArgumentException("header name must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7f) {
                throw new NatsIllegalArgumentException("invalid header name " + SubjectCodec.quote(name)
                        + ": only printable ASCII without whitespace is allowed");
            }
            if (c == ':') {
                throw new NatsIllegalArgumentException("invalid header name " + SubjectCodec.quote(name)
                        + ": contains ':'");
            }
        }
    }

    /**
     * Checks a header value: no CR or LF.
     *
     * @param name the header the value belongs to, for the message
     * @param value the value
     * @throws NatsIllegalArgumentException naming the header
     */
    public static void validateValue(String name, String value) {
        if (value == null) {
            throw new NatsIllegalArgumentException("value of header " + SubjectCodec.quote(String.valueOf(name))
                    + " must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new NatsIllegalArgumentException("value of header " + SubjectCodec.quote(String.valueOf(name))
                        + " contains CR or LF");
            }
        }
    }

    /**
     * Encodes headers, validating each name and value. A name with no values is left out.
     *
     * @param headers names to values, in the order to send them
     * @return the header block, at least {@code NATS/1.0\r\n\r\n}
     * @throws NatsIllegalArgumentException on an invalid name or value
     */
    public static byte[] encode(Map<String, List<String>> headers) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(VERSION, 0, VERSION.length);
        crlf(out);
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            String name = e.getKey();
            validateName(name);
            byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
            for (String value : e.getValue()) {
                validateValue(name, value);
                out.write(nameBytes, 0, nameBytes.length);
                out.write(':');
                out.write(' ');
                byte[] v = value.getBytes(StandardCharsets.UTF_8);
                out.write(v, 0, v.length);
                crlf(out);
            }
        }
        crlf(out);
        return out.toByteArray();
    }

    /**
     * Decodes a header block received in an {@code HMSG}.
     *
     * @param src the buffer
     * @param offset where the block starts
     * @param length its length
     * @return the decoded block
     * @throws NatsProtocolException when the block is malformed: no {@code NATS/1.0} prefix, a
     *     non-numeric status, a header line without {@code :} or with an empty name, a missing final
     *     CRLF, or bytes after it
     */
    public static Decoded decode(byte[] src, int offset, int length) {
        int end = offset + length;
        if (length < VERSION.length) {
            throw malformed("no NATS/1.0 prefix");
        }
        for (int i = 0; i < VERSION.length; i++) {
            if (src[offset + i] != VERSION[i]) {
                throw malformed("no NATS/1.0 prefix");
            }
        }
        int p = offset + VERSION.length;
        int eol = indexOfCrlf(src, p, end);
        if (eol < 0) {
            throw malformed("status line not terminated by CRLF");
        }
        int status = 0;
        String description = "";
        if (eol > p) {
            if (src[p] != ' ' && src[p] != '\t') {
                throw malformed("no NATS/1.0 prefix");
            }
            int s = skipBlanks(src, p, eol);
            int d = s;
            while (d < eol && src[d] >= '0' && src[d] <= '9' && d - s < 9) {
                status = status * 10 + src[d] - '0';
                d++;
            }
            if (d < eol && src[d] != ' ' && src[d] != '\t') {
                throw malformed("status is not a number");
            }
            if (d > s) {
                int t = skipBlanks(src, d, eol);
                int te = eol;
                while (te > t && (src[te - 1] == ' ' || src[te - 1] == '\t')) {
                    te--;
                }
                description = MsgView.decode(src, t, te - t);
            }
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        p = eol + 2;
        while (true) {
            eol = indexOfCrlf(src, p, end);
            if (eol < 0) {
                throw malformed("header block not terminated by an empty line");
            }
            if (eol == p) {
                if (eol + 2 != end) {
                    throw malformed("bytes after the end of the header block");
                }
                break;
            }
            int colon = p;
            while (colon < eol && src[colon] != ':') {
                colon++;
            }
            if (colon == eol) {
                throw malformed("header line without ':'");
            }
            if (colon == p) {
                throw malformed("header line with an empty name");
            }
            String name = MsgView.decode(src, p, colon - p);
            int v = skipBlanks(src, colon + 1, eol);
            String value = MsgView.decode(src, v, eol - v);
            headers.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
            p = eol + 2;
        }
        return new Decoded(status, description, headers);
    }

    private static int skipBlanks(byte[] a, int p, int end) {
        while (p < end && (a[p] == ' ' || a[p] == '\t')) {
            p++;
        }
        return p;
    }

    private static int indexOfCrlf(byte[] a, int from, int end) {
        for (int i = from; i + 1 < end; i++) {
            if (a[i] == '\r' && a[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void crlf(ByteArrayOutputStream out) {
        out.write('\r');
        out.write('\n');
    }

    private static NatsProtocolException malformed(String problem) {
        return new NatsProtocolException("HMSG: malformed header block: " + problem);
    }
}
