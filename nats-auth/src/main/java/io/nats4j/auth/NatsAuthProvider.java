package io.nats4j.auth;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.ServerInfo;
import io.nats4j.protocol.spi.AuthProvider;
import io.nats4j.protocol.spi.Authenticator;
import io.nats4j.protocol.spi.ConnectAuth;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;

/**
 * The NKey and credentials-file authenticators, for {@link java.util.ServiceLoader}: the client finds
 * this provider when {@code nats-auth} is on the module path or class path.
 *
 * <p>Both authenticators sign the {@code nonce} of the server's INFO with the user's Ed25519 key and
 * send the public key (NKey) or the user JWT (credentials) with the base64url signature. When the INFO
 * has no nonce (a server requiring no authentication) the empty nonce is signed, as nats.go does.
 */
public final class NatsAuthProvider implements AuthProvider {

    /** Creates the provider; for {@link java.util.ServiceLoader}. */
    public NatsAuthProvider() {
    }

    /**
     * {@inheritDoc}
     *
     * <p>The seed must be a user seed ({@code SU...}); the authenticator holds the decoded key for its
     * lifetime.
     *
     * @throws NatsAuthException when the seed is null, malformed or not a user seed
     */
    @Override
    public Authenticator nkey(char[] seed) {
        NKey key;
        try {
            key = NKey.fromSeed(seed);
        } catch (NatsException e) {
            throw new NatsAuthException("invalid NKey seed: " + e.getMessage(), e);
        }
        if (key.type() != NKey.Type.USER) {
            key.clear();
            throw new NatsAuthException("NKey authentication needs a USER seed, got a " + key.type() + " seed");
        }
        return new NKeyAuthenticator(key);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The file is read (and its seed wiped after signing) on every {@code authenticate} call; a
     * missing or malformed file fails that connect attempt with a {@link NatsAuthException} naming
     * the file.
     *
     * @throws NatsAuthException when {@code credsFile} is null
     */
    @Override
    public Authenticator credentials(Path credsFile) {
        if (credsFile == null) {
            throw new NatsAuthException("credentials file must not be null");
        }
        return new CredentialsAuthenticator(credsFile);
    }

    /**
     * The nonce to sign. A server that requires no authentication sends none; like nats.go, the empty
     * nonce is signed then, so that the same credentials connect to a development server too (which
     * ignores them).
     */
    private static byte[] nonce(ServerInfo info) {
        return info.nonce().orElse("").getBytes(StandardCharsets.UTF_8);
    }

    private static String encode(byte[] signature) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
    }

    /** Signs with a key held in memory; thread-safe because {@link NKey} is. */
    private static final class NKeyAuthenticator implements Authenticator {
        private final NKey key;

        NKeyAuthenticator(NKey key) {
            this.key = key;
        }

        @Override
        public ConnectAuth authenticate(ServerInfo info) {
            byte[] nonce = nonce(info);
            return ConnectAuth.nkey(Optional.empty(), key.publicKey(), encode(key.sign(nonce)));
        }

        @Override
        public String toString() {
            return "NKeyAuthenticator[" + key.publicKey() + "]";
        }
    }

    /** Re-reads the file on every connect so that rotated credentials are picked up. */
    private static final class CredentialsAuthenticator implements Authenticator {
        private final Path file;

        CredentialsAuthenticator(Path file) {
            this.file = file;
        }

        @Override
        public ConnectAuth authenticate(ServerInfo info) {
            Credentials creds = Credentials.load(file);
            try {
                byte[] nonce = nonce(info);
                String signature = encode(creds.nkey().sign(nonce));
                return ConnectAuth.nkey(Optional.of(creds.jwt()), creds.nkey().publicKey(), signature);
            } finally {
                creds.clear();
            }
        }

        @Override
        public String toString() {
            return "CredentialsAuthenticator[" + file + "]";
        }
    }
}
