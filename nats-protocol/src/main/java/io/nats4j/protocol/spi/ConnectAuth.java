package io.nats4j.protocol.spi;

import java.util.Optional;

/**
 * The auth fields of a {@code CONNECT} operation. Every field is optional.
 *
 * <p>{@link #toString()} never shows a secret: it names which fields are set.
 *
 * @param user user name ({@code user})
 * @param password password ({@code pass}); secret
 * @param token authorization token ({@code auth_token}); secret
 * @param jwt user JWT ({@code jwt}); secret
 * @param nkey the public NKey ({@code nkey})
 * @param signature base64url signature of the server nonce ({@code sig})
 */
public record ConnectAuth(
        Optional<String> user,
        Optional<String> password,
        Optional<String> token,
        Optional<String> jwt,
        Optional<String> nkey,
        Optional<String> signature) {

    /** No credentials. */
    public static final ConnectAuth NONE = new ConnectAuth(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * User and password.
     *
     * @param user the user name
     * @param password the password
     * @return the fields
     */
    public static ConnectAuth userInfo(String user, String password) {
        return new ConnectAuth(Optional.of(user), Optional.of(password), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * A token.
     *
     * @param token the token
     * @return the fields
     */
    public static ConnectAuth token(String token) {
        return new ConnectAuth(Optional.empty(), Optional.empty(), Optional.of(token),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * NKey (and optionally JWT) authentication: the public key and the nonce signature.
     *
     * @param jwt the user JWT, if any
     * @param nkey the public user NKey
     * @param signature base64url (unpadded) Ed25519 signature of the nonce
     * @return the fields
     */
    public static ConnectAuth nkey(Optional<String> jwt, String nkey, String signature) {
        return new ConnectAuth(Optional.empty(), Optional.empty(), Optional.empty(), jwt,
                Optional.of(nkey), Optional.of(signature));
    }

    @Override
    public String toString() {
        return "ConnectAuth[user=" + user.orElse("-")
                + (password.isPresent() ? ", password=***" : "")
                + (token.isPresent() ? ", token=***" : "")
                + (jwt.isPresent() ? ", jwt=***" : "")
                + ", nkey=" + nkey.orElse("-")
                + (signature.isPresent() ? ", sig=***" : "") + "]";
    }
}
