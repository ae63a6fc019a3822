package io.nats4j.protocol.spi;

import java.nio.file.Path;

/**
 * Makes {@link Authenticator}s for the NKey-based schemes; found by {@link java.util.ServiceLoader}.
 *
 * <p>The {@code nats-auth} module provides one. The client looks it up when an application asks for
 * {@code nkey(...)} or {@code credentials(...)}, and fails with a message naming the artifact to add
 * when none is on the path.
 */
public interface AuthProvider {

    /**
     * An authenticator that signs the server nonce with an NKey seed.
     *
     * @param seed the user seed ({@code SU...}); the provider keeps its own copy, the caller may wipe
     *     this array after the call
     * @return the authenticator
     * @throws io.nats4j.protocol.NatsAuthException when the seed is malformed (without echoing it)
     */
    Authenticator nkey(char[] seed);

    /**
     * An authenticator that reads a {@code .creds} file (user JWT and seed) on every connect, so
     * rotated credentials are picked up.
     *
     * @param credsFile the credentials file
     * @return the authenticator
     */
    Authenticator credentials(Path credsFile);
}
