package io.nats4j.protocol;

/**
 * Validation of subjects and queue group names.
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
        throw new UnsupportedOperationException();
    }

    /**
     * Checks a subject to subscribe to: as for publishing, but {@code *} may stand as a whole token
     * and {@code >} as the whole last token.
     *
     * @param subject the subject
     * @throws NatsIllegalArgumentException naming the subject and what is wrong with it
     */
    public static void validateSubscribe(String subject) {
        throw new UnsupportedOperationException();
    }

    /**
     * Checks a queue group name: non-empty, no whitespace or control characters.
     *
     * @param queue the queue group
     * @throws NatsIllegalArgumentException naming the queue group and what is wrong with it
     */
    public static void validateQueue(String queue) {
        throw new UnsupportedOperationException();
    }

    /**
     * Whether a (valid) subject has no wildcard token.
     *
     * @param subject the subject
     * @return true when it matches only itself
     */
    public static boolean isLiteral(String subject) {
        throw new UnsupportedOperationException();
    }
}
