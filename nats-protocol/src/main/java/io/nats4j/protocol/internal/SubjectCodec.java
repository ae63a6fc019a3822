package io.nats4j.protocol.internal;

import io.nats4j.protocol.NatsIllegalArgumentException;

/**
 * Subject and queue-group validation fused with UTF-8 encoding, so the publish path checks and writes
 * a subject in one pass. {@link io.nats4j.protocol.Subjects} is the public face of the same rules.
 */
public final class SubjectCodec {

    /** Publish subjects and reply subjects: no wildcard token. */
    public static final int PUBLISH = 0;
    /** Subscribe subjects: {@code *} as any whole token, {@code >} as the whole last token. */
    public static final int SUBSCRIBE = 1;
    /** Queue groups: one non-empty run of non-whitespace characters; dots carry no meaning. */
    public static final int QUEUE = 2;

    private SubjectCodec() {
    }

    /**
     * Validates {@code s} and, when {@code out} is not null, writes it as UTF-8 at {@code out[pos]}
     * in the same pass. Validation failures throw before the caller publishes its position, so a
     * partially written array is harmless.
     *
     * @param s the subject or queue group
     * @param kind {@link #PUBLISH}, {@link #SUBSCRIBE} or {@link #QUEUE}
     * @param what what {@code s} is, for the error message
     * @param out where to write, or null to validate only
     * @param pos where in {@code out} to start
     * @return the index after the last byte written ({@code pos} plus the UTF-8 length)
     * @throws NatsIllegalArgumentException naming {@code what} and what is wrong with it
     */
    public static int encode(String s, int kind, String what, byte[] out, int pos) {
        if (s == null) {
            throw new NatsIllegalArgumentException(what + " must not be null");
        }
        int n = s.length();
        if (n == 0) {
            throw new NatsIllegalArgumentException(what + " must not be empty");
        }
        int i = pos;
        // Tokens are tracked by the index of their first char; a token's length decides wildcards.
        int tokenStart = 0;
        for (int k = 0; k < n; k++) {
            char c = s.charAt(k);
            if (c > ' ' && c < 0x7f) {
                if (c == '.' && kind != QUEUE) {
                    endToken(s, kind, what, tokenStart, k, false);
                    tokenStart = k + 1;
                }
                if (out != null) {
                    out[i] = (byte) c;
                }
                i++;
                continue;
            }
            if (c < 0x80 || Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                throw invalid(what, s, "contains whitespace or a control character");
            }
            if (c < 0x800) {
                if (out != null) {
                    out[i] = (byte) (0xc0 | (c >> 6));
                    out[i + 1] = (byte) (0x80 | (c & 0x3f));
                }
                i += 2;
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || k + 1 >= n || !Character.isLowSurrogate(s.charAt(k + 1))) {
                    throw invalid(what, s, "contains an unpaired surrogate");
                }
                int cp = Character.toCodePoint(c, s.charAt(++k));
                if (out != null) {
                    out[i] = (byte) (0xf0 | (cp >> 18));
                    out[i + 1] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    out[i + 2] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    out[i + 3] = (byte) (0x80 | (cp & 0x3f));
                }
                i += 4;
            } else {
                if (out != null) {
                    out[i] = (byte) (0xe0 | (c >> 12));
                    out[i + 1] = (byte) (0x80 | ((c >> 6) & 0x3f));
                    out[i + 2] = (byte) (0x80 | (c & 0x3f));
                }
                i += 3;
            }
        }
        if (kind != QUEUE) {
            endToken(s, kind, what, tokenStart, n, true);
        }
        return i;
    }

    /** Checks the token {@code s[start, end)}: not empty, and a wildcard only where {@code kind} allows. */
    private static void endToken(String s, int kind, String what, int start, int end, boolean last) {
        if (end == start) {
            throw invalid(what, s, "has an empty token (leading, trailing or double '.')");
        }
        if (end - start == 1) {
            char first = s.charAt(start);
            if (first == '*' || first == '>') {
                if (kind == PUBLISH) {
                    throw invalid(what, s, "has a wildcard token '" + first + "', not allowed here");
                }
                if (first == '>' && !last) {
                    throw invalid(what, s, "has '>' before the last token");
                }
            }
        }
    }

    private static NatsIllegalArgumentException invalid(String what, String s, String problem) {
        return new NatsIllegalArgumentException("invalid " + what + " " + quote(s) + ": " + problem);
    }

    /**
     * Quotes a name for an error message, escaping control characters and capping the length.
     *
     * @param s the name
     * @return the quoted name
     */
    public static String quote(String s) {
        StringBuilder b = new StringBuilder(Math.min(s.length(), 128) + 8).append('\'');
        int n = Math.min(s.length(), 120);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        if (n < s.length()) {
            b.append("...");
        }
        return b.append('\'').toString();
    }
}
