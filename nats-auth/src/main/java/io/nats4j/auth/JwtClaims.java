package io.nats4j.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The claims of a NATS JWT that a client needs, as decoded by {@link Jwt#decode(String)}.
 * None of them is secret (keys here are public keys).
 *
 * @param subject {@code sub}: the public key the JWT is about (a user, account or operator key)
 * @param issuer {@code iss}: the public key that signed it
 * @param name {@code name}; empty when absent
 * @param issuedAt {@code iat}; {@link Instant#EPOCH} when absent
 * @param expires {@code exp}; empty when the JWT does not expire
 * @param natsType {@code nats.type}: {@code user}, {@code account}, {@code operator}, ...
 * @param id {@code jti}; empty when absent
 * @param issuerAccount {@code nats.issuer_account}: set when a user JWT was signed by an account
 *     signing key rather than the account key itself
 */
public record JwtClaims(
        String subject,
        String issuer,
        String name,
        Instant issuedAt,
        Optional<Instant> expires,
        Optional<String> natsType,
        String id,
        Optional<String> issuerAccount) {

    /**
     * Whether the JWT expires within {@code window} from now (or has already expired); false for a
     * JWT without expiry. Use it to warn before the server starts refusing the credentials.
     *
     * @param window how far ahead to look; {@link Duration#ZERO} asks "is it expired now"
     * @return true when {@code expires} is at or before now + {@code window}
     */
    public boolean expiresWithin(Duration window) {
        return expiresWithin(window, Clock.systemUTC());
    }

    /**
     * As {@link #expiresWithin(Duration)} against the given clock.
     *
     * @param window how far ahead to look
     * @param clock the source of "now"
     * @return true when {@code expires} is at or before the clock's now + {@code window}
     */
    public boolean expiresWithin(Duration window, Clock clock) {
        return expires.isPresent() && !expires.get().isAfter(clock.instant().plus(window));
    }

    /**
     * Whether the JWT has expired at {@code now}.
     *
     * @param now the instant to test
     * @return true when it has an expiry at or before {@code now}
     */
    public boolean isExpiredAt(Instant now) {
        return expires.isPresent() && !expires.get().isAfter(now);
    }
}
