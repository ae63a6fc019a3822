/**
 * NKeys (Ed25519 keys in the NATS encoding), {@code .creds} files and NATS JWTs, and the
 * {@link io.nats4j.auth.NatsAuthProvider} through which the client authenticates with them.
 *
 * <p>Entry points: {@link io.nats4j.auth.NKey}, {@link io.nats4j.auth.Credentials},
 * {@link io.nats4j.auth.Jwt}.
 */
package io.nats4j.auth;
