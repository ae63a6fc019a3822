package io.nats4j.protocol;

/**
 * Validation of subjects and queue group names, following nats-server's rules.
 *
 * <p>A subject is a sequence of non-empty tokens separated by {@code .}; no token may contain
 * whitespace or control characters. Only a whole token {@code *} or {@code >} is a wildcard: a token
 * such as {@code a*b} or {@code a>} is a literal. Non-ASCII characters are allowed and sent as UTF-8.
 */
public final class Subjects {

    /** Publish subjects and reply subjects: no wildcard token. */
    static final int PUBLISH = 0;
    /** Subscribe subjects: {@code *} as any whole token, {@code >} as the whole last token. */
    static final int SUBSCRIBE = 1;
    /** Queue groups: one non-empty run of non-whitespace characters; dots carry no meaning. */
    static final int QUEUE = 2;

    private Subjects() {
    }

    /**
     * Checks a subject to publish to: non-empty tokens, no whitespace or control characters, no wildcards.
     *
     * @param subject the subject
     * @throws NatsIllegalArgumentException naming the subject and what is wrong with it
     */
    public static void validatePublish(String subject) {
        encode(subject, PUBLISH, "subject", null, 0);
    }

    /**
     * Checks a subject to subscribe to: as for publishing, but {@code *} may stand as a whole token
     * and {@code >} as the whole last token.
     *
     * @param subject the subject
     * @throws NatsIllegalArgumentException naming the subject and what is wrong with it
     */
    public static void validateSubscribe(String subject) {
        encode(subject, SUBSCRIBE, "subject", null, 0);
    }

    /**
     * Checks a queue group name: non-empty, no whitespace or control characters.
     *
     * @param queue the queue group
     * @throws NatsIllegalArgumentException naming the queue group and what is wrong with it
     */
    public static void validateQueue(String queue) {
        encode(queue, QUEUE, "queue group", null, 0);
    }

    /**
     * Whether a (valid) subject has no wildcard token.
     *
     * @param subject the subject
     * @return true when it matches only itself
     */
    public static boolean isLiteral(String subject) {
        int n = subject.length();
        int tokenStart = 0;
        for (int i = 0; i <= n; i++) {
            if (i == n || subject.charAt(i) == '.') {
                if (i - tokenStart == 1) {
                    char c = subject.charAt(tokenStart);
                    if (c == '*' || c == '>') {
                        return false;
                    }
                }
                tokenStart = i + 1;
            }
        }
        return true;
    }

    /**
     * Validates {@code s} and, when {@code out} is not null, writes it as UTF-8 at {@code out[pos]}
     * in the same pass. Validation failures throw before the caller publishes its position, so a
     * partially written array is harmless.
     *
     * @return the index after the last byte written ({@code pos} plus the UTF-8 length)
     */
    static int encode(String s, int kind, String what, byte[] out, int pos) {
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

    /** Quotes a name for an error message, escaping control characters and capping the length. */
    static String quote(String s) {
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
