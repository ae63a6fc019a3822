package io.nats4j.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Decodes, verifies and issues NATS JWTs (the nats-io/jwt v2 format: header
 * {@code {"typ":"JWT","alg":"ed25519-nkey"}}, base64url without padding, Ed25519 signature of
 * {@code header.claims} by the issuer's NKey).
 *
 * <p>Issuing covers what a test or a small tool needs to build a whole decentralized setup without
 * {@code nsc}: a self-signed operator, accounts signed by the operator with unlimited limits, and
 * users signed by an account key (or an account signing key).
 *
 * <pre>{@code
 * NKey operator = NKey.generate(NKey.Type.OPERATOR);
 * NKey account = NKey.generate(NKey.Type.ACCOUNT);
 * NKey user = NKey.generate(NKey.Type.USER);
 * String operatorJwt = Jwt.issueOperatorJwt(operator, "op");
 * String accountJwt = Jwt.issueAccountJwt(operator, account.publicKey(), "acct");
 * String userJwt = Jwt.issueUserJwt(account, user.publicKey(), "alice", Duration.ofHours(1));
 * }</pre>
 *
 * <p>Pitfalls: {@link #decode(String)} does not check the signature nor the chain of trust; only
 * the server decides whether a JWT is acceptable. Exception messages never contain the JWT.
 */
public final class Jwt {

    private static final JsonFactory JSON = JsonFactory.builder()
            // Parse errors would otherwise quote the token's contents.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final String HEADER = encode("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}"
            .getBytes(StandardCharsets.US_ASCII));
    private static final int VERSION = 2;

    private Jwt() {
    }

    /**
     * Decodes the claims of a JWT without checking its signature.
     *
     * @param jwt the encoded JWT
     * @return the claims
     * @throws NatsIllegalArgumentException when the JWT is null, not three base64url parts, not JSON,
     *     or lacks {@code sub} or {@code iss} (the message never contains the JWT)
     */
    public static JwtClaims decode(String jwt) {
        String[] parts = split(jwt);
        return parseClaims(decodePart(parts[1], "claims"));
    }

    /**
     * Checks that a JWT is signed by the key named in its own {@code iss} claim. This proves the
     * JWT was not altered; whether that issuer is trusted is for the caller (or the server) to decide.
     *
     * @param jwt the encoded JWT
     * @return true when the signature is valid
     * @throws NatsIllegalArgumentException when the JWT is malformed (as for {@link #decode(String)}),
     *     its algorithm is not {@code ed25519-nkey}, or its issuer is not a valid public key
     */
    public static boolean verify(String jwt) {
        String[] parts = split(jwt);
        String alg = headerAlgorithm(decodePart(parts[0], "header"));
        if (!"ed25519-nkey".equals(alg) && !"ed25519".equals(alg)) {
            throw new NatsIllegalArgumentException("unsupported JWT algorithm: " + alg);
        }
        JwtClaims claims = parseClaims(decodePart(parts[1], "claims"));
        byte[] signature = decodePart(parts[2], "signature");
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        return NKey.fromPublicKey(claims.issuer()).verify(signed, signature);
    }

    /**
     * Issues a self-signed operator JWT, as {@code nsc add operator} does.
     *
     * @param operator the operator key pair (must hold its seed)
     * @param name the operator name
     * @return the JWT
     * @throws NatsIllegalArgumentException when the key is not an operator key or an argument is null
     * @throws io.nats4j.protocol.NatsAuthException when the key has no seed
     */
    public static String issueOperatorJwt(NKey operator, String name) {
        requireType(operator, NKey.Type.OPERATOR, "operator key");
        requireNonNull(name, "name");
        return issue(operator, operator.publicKey(), name, now(), null, g -> {
            g.writeStringField("type", "operator");
            g.writeNumberField("version", VERSION);
        });
    }

    /**
     * Issues an account JWT signed by an operator key, with every limit unlimited (-1) and no
     * JetStream, as {@code nsc add account} does.
     *
     * @param operatorSigningKey the operator key (or an operator signing key) that signs
     * @param accountPublicKey the account's public key ({@code A...})
     * @param name the account name
     * @return the JWT
     * @throws NatsIllegalArgumentException when a key has the wrong type or an argument is null
     * @throws io.nats4j.protocol.NatsAuthException when the signing key has no seed
     */
    public static String issueAccountJwt(NKey operatorSigningKey, String accountPublicKey, String name) {
        return issueAccountJwt(operatorSigningKey, accountPublicKey, name, List.of());
    }

    /**
     * Issues an account JWT as {@link #issueAccountJwt(NKey, String, String)} that also lists signing
     * keys: account keys allowed to issue user JWTs for this account (see
     * {@link #issueUserJwt(NKey, String, String, String, Duration)}).
     *
     * @param operatorSigningKey the operator key (or an operator signing key) that signs
     * @param accountPublicKey the account's public key ({@code A...})
     * @param name the account name
     * @param signingKeys public account keys ({@code A...}) that may sign this account's users
     * @return the JWT
     * @throws NatsIllegalArgumentException when a key has the wrong type or an argument is null
     * @throws io.nats4j.protocol.NatsAuthException when the signing key has no seed
     */
    public static String issueAccountJwt(NKey operatorSigningKey, String accountPublicKey, String name,
            List<String> signingKeys) {
        requireType(operatorSigningKey, NKey.Type.OPERATOR, "operator signing key");
        requirePublicKey(accountPublicKey, NKey.Type.ACCOUNT, "account public key");
        requireNonNull(name, "name");
        requireNonNull(signingKeys, "signingKeys");
        for (String key : signingKeys) {
            requirePublicKey(key, NKey.Type.ACCOUNT, "account signing key");
        }
        return issue(operatorSigningKey, accountPublicKey, name, now(), null, g -> {
            g.writeObjectFieldStart("limits");
            g.writeNumberField("subs", -1);
            g.writeNumberField("data", -1);
            g.writeNumberField("payload", -1);
            g.writeNumberField("imports", -1);
            g.writeNumberField("exports", -1);
            g.writeBooleanField("wildcards", true);
            g.writeNumberField("conn", -1);
            g.writeNumberField("leaf", -1);
            g.writeEndObject();
            if (!signingKeys.isEmpty()) {
                g.writeArrayFieldStart("signing_keys");
                for (String key : signingKeys) {
                    g.writeString(key);
                }
                g.writeEndArray();
            }
            g.writeObjectFieldStart("default_permissions");
            g.writeObjectFieldStart("pub");
            g.writeEndObject();
            g.writeObjectFieldStart("sub");
            g.writeEndObject();
            g.writeEndObject();
            g.writeStringField("type", "account");
            g.writeNumberField("version", VERSION);
        });
    }

    /**
     * Issues a user JWT signed by the account key itself, with no permission restrictions and
     * unlimited subscriptions, data and payload, as {@code nsc add user} does.
     *
     * @param accountSigningKey the account key pair that signs (its public key becomes {@code iss})
     * @param userPublicKey the user's public key ({@code U...})
     * @param name the user name
     * @param expiresIn lifetime from now; {@code null} or {@link Duration#ZERO} for a JWT that never
     *     expires
     * @return the JWT
     * @throws NatsIllegalArgumentException when a key has the wrong type, an argument is null, or
     *     {@code expiresIn} is negative
     * @throws io.nats4j.protocol.NatsAuthException when the signing key has no seed
     */
    public static String issueUserJwt(NKey accountSigningKey, String userPublicKey, String name, Duration expiresIn) {
        requireType(accountSigningKey, NKey.Type.ACCOUNT, "account signing key");
        return issueUserJwt(accountSigningKey, accountSigningKey.publicKey(), userPublicKey, name, expiresIn);
    }

    /**
     * Issues a user JWT signed by an account signing key on behalf of {@code issuerAccount} (which
     * must list that key in its account JWT); sets {@code nats.issuer_account}. When the signing key
     * is the account key itself this is the same as {@link #issueUserJwt(NKey, String, String, Duration)}.
     *
     * @param signingKey the account signing key pair
     * @param issuerAccount the public key of the account the user belongs to ({@code A...})
     * @param userPublicKey the user's public key ({@code U...})
     * @param name the user name
     * @param expiresIn lifetime from now; {@code null} or {@link Duration#ZERO} for no expiry
     * @return the JWT
     * @throws NatsIllegalArgumentException when a key has the wrong type, an argument is null, or
     *     {@code expiresIn} is negative
     * @throws io.nats4j.protocol.NatsAuthException when the signing key has no seed
     */
    public static String issueUserJwt(NKey signingKey, String issuerAccount, String userPublicKey, String name,
            Duration expiresIn) {
        if (expiresIn != null && expiresIn.isNegative()) {
            throw new NatsIllegalArgumentException("expiresIn must not be negative");
        }
        Instant iat = now();
        Instant exp = expiresIn == null || expiresIn.isZero() ? null : iat.plusSeconds(ceilSeconds(expiresIn));
        return issueUser(signingKey, issuerAccount, userPublicKey, name, iat, exp);
    }

    /**
     * Issues a user JWT (signed by the account key itself) with explicit issue and expiry times,
     * which may lie in the past: tests use it to build an already expired JWT.
     *
     * @param accountSigningKey the account key pair that signs
     * @param userPublicKey the user's public key ({@code U...})
     * @param name the user name
     * @param issuedAt the {@code iat} claim (whole seconds are kept)
     * @param expiresAt the {@code exp} claim (whole seconds are kept); after {@code issuedAt}
     * @return the JWT
     * @throws NatsIllegalArgumentException when a key has the wrong type, an argument is null or the
     *     expiry is not after the issue time
     * @throws io.nats4j.protocol.NatsAuthException when the signing key has no seed
     */
    public static String issueUserJwt(NKey accountSigningKey, String userPublicKey, String name,
            Instant issuedAt, Instant expiresAt) {
        requireType(accountSigningKey, NKey.Type.ACCOUNT, "account signing key");
        requireNonNull(issuedAt, "issuedAt");
        requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.getEpochSecond() <= issuedAt.getEpochSecond()) {
            throw new NatsIllegalArgumentException("expiresAt must be after issuedAt");
        }
        return issueUser(accountSigningKey, accountSigningKey.publicKey(), userPublicKey, name, issuedAt, expiresAt);
    }

    private static String issueUser(NKey signingKey, String issuerAccount, String userPublicKey, String name,
            Instant iat, Instant exp) {
        requireType(signingKey, NKey.Type.ACCOUNT, "account signing key");
        requirePublicKey(issuerAccount, NKey.Type.ACCOUNT, "issuer account");
        requirePublicKey(userPublicKey, NKey.Type.USER, "user public key");
        requireNonNull(name, "name");
        boolean bySigningKey = !issuerAccount.equals(signingKey.publicKey());
        return issue(signingKey, userPublicKey, name, iat, exp, g -> {
            g.writeObjectFieldStart("pub");
            g.writeEndObject();
            g.writeObjectFieldStart("sub");
            g.writeEndObject();
            g.writeNumberField("subs", -1);
            g.writeNumberField("data", -1);
            g.writeNumberField("payload", -1);
            if (bySigningKey) {
                g.writeStringField("issuer_account", issuerAccount);
            }
            g.writeStringField("type", "user");
            g.writeNumberField("version", VERSION);
        });
    }

    @FunctionalInterface
    private interface Section {
        void write(JsonGenerator g) throws IOException;
    }

    /** Builds and signs a JWT; {@code exp} null means none. Field order follows nats-io/jwt. */
    private static String issue(NKey signer, String subject, String name, Instant iat, Instant exp, Section nats) {
        String issuer = signer.publicKey();
        long iatSeconds = iat.getEpochSecond();
        Long expSeconds = exp == null ? null : exp.getEpochSecond();
        // jti: base32 of SHA-512/256 over the standard claims without jti, as the reference computes it.
        byte[] standard = json(g -> writeStandardClaims(g, null, iatSeconds, expSeconds, issuer, name, subject));
        String jti = new String(NKeyCodec.base32Encode(sha512t256(standard)));
        byte[] claims = json(g -> {
            g.writeStartObject();
            writeStandardClaimFields(g, jti, iatSeconds, expSeconds, issuer, name, subject);
            g.writeObjectFieldStart("nats");
            nats.write(g);
            g.writeEndObject();
            g.writeEndObject();
        });
        String signingInput = HEADER + "." + encode(claims);
        byte[] sig = signer.sign(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + encode(sig);
    }

    private static void writeStandardClaims(JsonGenerator g, String jti, long iat, Long exp, String iss,
            String name, String sub) throws IOException {
        g.writeStartObject();
        writeStandardClaimFields(g, jti, iat, exp, iss, name, sub);
        g.writeEndObject();
    }

    private static void writeStandardClaimFields(JsonGenerator g, String jti, long iat, Long exp, String iss,
            String name, String sub) throws IOException {
        if (exp != null) {
            g.writeNumberField("exp", exp);
        }
        if (jti != null) {
            g.writeStringField("jti", jti);
        }
        g.writeNumberField("iat", iat);
        g.writeStringField("iss", iss);
        if (!name.isEmpty()) {
            g.writeStringField("name", name);
        }
        g.writeStringField("sub", sub);
    }

    private static byte[] json(Section body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("writing JWT JSON to memory", e);
        }
        return out.toByteArray();
    }

    private static byte[] sha512t256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-512/256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512/256 is required of every Java 17 runtime", e);
        }
    }

    private static String[] split(String jwt) {
        if (jwt == null) {
            throw new NatsIllegalArgumentException("JWT must not be null");
        }
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            throw new NatsIllegalArgumentException("malformed JWT: expected three non-empty parts separated by '.'");
        }
        return parts;
    }

    private static byte[] decodePart(String part, String what) {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new NatsIllegalArgumentException("malformed JWT: the " + what + " part is not base64url");
        }
    }

    private static String headerAlgorithm(byte[] header) {
        try (JsonParser p = JSON.createParser(header)) {
            expectObject(p, "header");
            String alg = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if ("alg".equals(field) && value == JsonToken.VALUE_STRING) {
                    alg = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (alg == null) {
                throw new NatsIllegalArgumentException("malformed JWT: the header has no 'alg'");
            }
            return alg;
        } catch (IOException e) {
            throw malformedJson("header");
        }
    }

    private static JwtClaims parseClaims(byte[] claims) {
        try (JsonParser p = JSON.createParser(claims)) {
            expectObject(p, "claims");
            String sub = null;
            String iss = null;
            String name = "";
            String jti = "";
            long iat = 0;
            long exp = 0;
            String type = null;
            String issuerAccount = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "sub": sub = text(p, value, field); break;
                    case "iss": iss = text(p, value, field); break;
                    case "name": name = text(p, value, field); break;
                    case "jti": jti = text(p, value, field); break;
                    case "iat": iat = number(p, value, field); break;
                    case "exp": exp = number(p, value, field); break;
                    case "nats":
                        if (value != JsonToken.START_OBJECT) {
                            throw new NatsIllegalArgumentException("malformed JWT: 'nats' is not an object");
                        }
                        while (p.nextToken() == JsonToken.FIELD_NAME) {
                            String natsField = p.currentName();
                            JsonToken natsValue = p.nextToken();
                            if ("type".equals(natsField)) {
                                type = text(p, natsValue, "nats.type");
                            } else if ("issuer_account".equals(natsField)) {
                                issuerAccount = text(p, natsValue, "nats.issuer_account");
                            } else {
                                p.skipChildren();
                            }
                        }
                        break;
                    default:
                        p.skipChildren();
                }
            }
            if (sub == null || sub.isEmpty()) {
                throw new NatsIllegalArgumentException("malformed JWT: no 'sub' claim");
            }
            if (iss == null || iss.isEmpty()) {
                throw new NatsIllegalArgumentException("malformed JWT: no 'iss' claim");
            }
            return new JwtClaims(sub, iss, name, Instant.ofEpochSecond(iat),
                    exp > 0 ? Optional.of(Instant.ofEpochSecond(exp)) : Optional.empty(),
                    Optional.ofNullable(type), jti,
                    issuerAccount == null || issuerAccount.isEmpty() ? Optional.empty() : Optional.of(issuerAccount));
        } catch (IOException e) {
            throw malformedJson("claims");
        }
    }

    private static void expectObject(JsonParser p, String what) throws IOException {
        if (p.nextToken() != JsonToken.START_OBJECT) {
            throw new NatsIllegalArgumentException("malformed JWT: the " + what + " part is not a JSON object");
        }
    }

    private static String text(JsonParser p, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_STRING) {
            throw new NatsIllegalArgumentException("malformed JWT: '" + field + "' is not a string");
        }
        return p.getText();
    }

    private static long number(JsonParser p, JsonToken value, String field) throws IOException {
        if (value != JsonToken.VALUE_NUMBER_INT) {
            throw new NatsIllegalArgumentException("malformed JWT: '" + field + "' is not an integer");
        }
        return p.getLongValue();
    }

    private static NatsIllegalArgumentException malformedJson(String what) {
        // The parser's exception is not chained: its message may quote the token's contents.
        return new NatsIllegalArgumentException("malformed JWT: the " + what + " part is not valid JSON");
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Instant now() {
        return Instant.ofEpochSecond(Instant.now().getEpochSecond());
    }

    private static long ceilSeconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    private static void requireNonNull(Object value, String what) {
        if (value == null) {
            throw new NatsIllegalArgumentException(what + " must not be null");
        }
    }

    private static void requireType(NKey key, NKey.Type type, String what) {
        requireNonNull(key, what);
        if (key.type() != type) {
            throw new NatsIllegalArgumentException(what + " must be of type " + type + ", got " + key.type());
        }
    }

    private static void requirePublicKey(String key, NKey.Type type, String what) {
        requireNonNull(key, what);
        if (!NKey.isValidPublicKey(key, type)) {
            throw new NatsIllegalArgumentException(what + " is not a valid " + type + " public key");
        }
    }
}
