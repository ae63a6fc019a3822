/**
 * NKeys, JWTs and credentials files; provides the NKey-based authenticators to the client.
 *
 * <p>Put it on the path when the server authenticates with NKeys or JWT {@code .creds} files
 * ({@code Options.Builder.nkey} and {@code credentials}); the client finds it through
 * {@link java.util.ServiceLoader}. Without it those options fail naming {@code io.nats4j:nats-auth}.
 * Brings BouncyCastle for Ed25519. Seeds live in {@code char[]}/{@code byte[]} and are wiped after use.
 */
module io.nats4j.auth {
    requires transitive io.nats4j.protocol; // SPI types appear in our signatures
    requires org.bouncycastle.provider; // Ed25519
    requires com.fasterxml.jackson.core; // JWT claims

    exports io.nats4j.auth;

    provides io.nats4j.protocol.spi.AuthProvider
        with io.nats4j.auth.NatsAuthProvider;
}
