/** NKeys, JWTs and credentials files; provides the NKey-based authenticators to the client. */
module io.nats4j.auth {
    requires transitive io.nats4j.protocol; // SPI types appear in our signatures
    requires org.bouncycastle.provider; // Ed25519
    requires com.fasterxml.jackson.core; // JWT claims

    exports io.nats4j.auth;

    provides io.nats4j.protocol.spi.AuthProvider
        with io.nats4j.auth.NatsAuthProvider;
}
