package io.nats4j.client.internal;

import java.util.Locale;

/**
 * What a {@code -ERR} text means to the client, decided in one place. nats-server ends the
 * connection after every {@code -ERR} except a permissions violation and "maximum subscriptions
 * exceeded"; the authentication ones also mean that retrying the same credentials will not help.
 */
enum ServerError {
    /** The credentials were refused, expired or revoked; the server closes the connection. */
    AUTHORIZATION(true),
    /** A publish or subscribe was not allowed; the connection stays up. */
    PERMISSION(false),
    /** The account's or user's subscription limit was hit; the connection stays up. */
    MAX_SUBSCRIPTIONS(false),
    /** Anything else (parser error, stale connection, max payload, ...): the server closes the connection. */
    FATAL(true);

    private final boolean endsConnection;

    ServerError(boolean endsConnection) {
        this.endsConnection = endsConnection;
    }

    /**
     * Whether the server closes the connection after sending this error.
     *
     * @return true when the session must be given up
     */
    boolean endsConnection() {
        return endsConnection;
    }

    /**
     * Classifies a {@code -ERR} text (without quotes).
     *
     * @param text the error text
     * @return its kind
     */
    static ServerError classify(String text) {
        String e = text.toLowerCase(Locale.ROOT);
        if (e.startsWith("permissions violation")) {
            return PERMISSION;
        }
        if (e.contains("maximum subscriptions exceeded")) {
            return MAX_SUBSCRIPTIONS;
        }
        if (e.contains("authorization violation") || e.contains("authentication expired")
                || e.contains("authentication revoked") || e.contains("account authentication")
                || e.contains("user authentication")) {
            return AUTHORIZATION;
        }
        return FATAL;
    }
}
