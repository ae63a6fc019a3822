package io.nats4j.protocol.spi;

import io.nats4j.protocol.ServerInfo;

/**
 * Supplies the credentials of the {@code CONNECT} operation; called on every connect and reconnect,
 * on the connecting thread, after the server's {@code INFO} (so a nonce can be signed).
 *
 * <p>Implementations re-read whatever may rotate (a credentials file, a token source) on each call.
 * They must be thread-safe and must not log secrets.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * Produces the auth fields for this connect.
     *
     * @param info the server's INFO, with its nonce when the server sent one
     * @return the fields to send; {@link ConnectAuth#NONE} for none
     * @throws io.nats4j.protocol.NatsAuthException when credentials cannot be produced (missing
     *     file, bad seed); the message names the file or the problem, never the secret
     */
    ConnectAuth authenticate(ServerInfo info);
}
