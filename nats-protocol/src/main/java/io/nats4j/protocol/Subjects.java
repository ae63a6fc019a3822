package io.nats4j.protocol;

import io.nats4j.protocol.internal.SubjectCodec;

/**
 * Validation of subjects and queue group names, following nats-server's rules.
 *
 * <p>A subject is a sequence of non-empty tokens separated by {@code .}; no token may contain
 * whitespace or control characters. Only a whole token {@code *} or {@code >} is a wildcard: a token
 * such as {@code a*b} or {@code a>} is a literal. Non-ASCII characters are allowed and sent as UTF-8.
 */
public final class Subjects {

    private Subjects() {
    }

    /**
     * Checks a subject to publish to: non-empty tokens, no whitespace or control characters, no wildcards.
     *
     * @param subject the subject
     * @throws NatsIllegalArgumentException naming the subject and what is wrong with it
     */
    public static void validatePublish(String subject) {
        SubjectCodec.encode(subject, SubjectCodec.PUBLISH, "subject", null, 0);
    }

    /**
     * Checks a subject to subscribe to: as for publishing, but {@code *} may stand as a whole token
     * and {@code >} as the whole last token.
     *
     * @param subject the subject
     * @throws NatsIllegalArgumentException naming the subject and what is wrong with it
     */
    public static void validateSubscribe(String subject) {
        SubjectCodec.encode(subject, SubjectCodec.SUBSCRIBE, "subject", null, 0);
    }

    /**
     * Checks a queue group name: non-empty, no whitespace or control characters.
     *
     * @param queue the queue group
     * @throws NatsIllegalArgumentException naming the queue group and what is wrong with it
     */
    public static void validateQueue(String queue) {
        SubjectCodec.encode(queue, SubjectCodec.QUEUE, "queue group", null, 0);
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
}
