package io.nats4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JwtTest {

    private static final NKey OPERATOR = NKey.generate(NKey.Type.OPERATOR);
    private static final NKey ACCOUNT = NKey.generate(NKey.Type.ACCOUNT);
    private static final NKey USER = NKey.generate(NKey.Type.USER);

    private static String claimsJson(String jwt) {
        return new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    @Test
    void decodesTheReferenceJwt() {
        JwtClaims c = Jwt.decode(TestVectors.CREDS_JWT);
        assertEquals(TestVectors.CREDS_USER, c.subject());
        assertEquals(TestVectors.CREDS_ISSUER, c.issuer());
        assertEquals("OPERATOR", c.name());
        assertEquals(Instant.ofEpochSecond(1590781593L), c.issuedAt());
        assertEquals(Optional.empty(), c.expires());
        assertEquals(Optional.of("user"), c.natsType());
        assertEquals("GT4NUNMEF7ZMWCRBXVVUDKQT6ZYPZ77W4JRQXD3L24HKUJECQH7Q", c.id());
        assertEquals(Optional.empty(), c.issuerAccount());
        assertFalse(c.expiresWithin(Duration.ofDays(365_000)));
    }

    @Test
    void verifyDetectsTampering() {
        // The reference JWTs above are decode vectors only: their signatures do not verify against
        // their iss (checked independently), so signature known answers come from NKeyTest.
        String jwt = Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "OPERATOR", Duration.ofHours(1));
        assertTrue(Jwt.verify(jwt));
        String[] parts = jwt.split("\\.");
        String otherClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claimsJson(jwt).replace("OPERATOR", "OPERATOS").getBytes(StandardCharsets.UTF_8));
        assertFalse(Jwt.verify(parts[0] + "." + otherClaims + "." + parts[2]));
        char[] sig = parts[2].toCharArray();
        sig[5] = sig[5] == 'A' ? 'B' : 'A';
        assertFalse(Jwt.verify(parts[0] + "." + parts[1] + "." + new String(sig)));
        // Same claims re-signed by another account: valid signature, but not by the named issuer.
        NKey other = NKey.generate(NKey.Type.ACCOUNT);
        byte[] forged = other.sign((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertFalse(Jwt.verify(parts[0] + "." + parts[1] + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(forged)));
    }

    @Test
    void operatorJwtIsSelfSigned() {
        String jwt = Jwt.issueOperatorJwt(OPERATOR, "op");
        JwtClaims c = Jwt.decode(jwt);
        assertEquals(OPERATOR.publicKey(), c.subject());
        assertEquals(OPERATOR.publicKey(), c.issuer());
        assertEquals(Optional.of("operator"), c.natsType());
        assertTrue(Jwt.verify(jwt));
        assertEquals("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}",
                new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.US_ASCII));
        assertTrue(claimsJson(jwt).endsWith("\"nats\":{\"type\":\"operator\",\"version\":2}}"), claimsJson(jwt));
    }

    @Test
    void accountJwtHasUnlimitedLimitsAndSigningKeys() {
        String jwt = Jwt.issueAccountJwt(OPERATOR, ACCOUNT.publicKey(), "acct");
        JwtClaims c = Jwt.decode(jwt);
        assertEquals(ACCOUNT.publicKey(), c.subject());
        assertEquals(OPERATOR.publicKey(), c.issuer());
        assertEquals(Optional.of("account"), c.natsType());
        assertTrue(Jwt.verify(jwt));
        assertTrue(claimsJson(jwt).contains("\"limits\":{\"subs\":-1,\"data\":-1,\"payload\":-1,\"imports\":-1,"
                + "\"exports\":-1,\"wildcards\":true,\"conn\":-1,\"leaf\":-1}"), claimsJson(jwt));
        assertFalse(claimsJson(jwt).contains("signing_keys"));

        String signer = NKey.generate(NKey.Type.ACCOUNT).publicKey();
        String withKeys = Jwt.issueAccountJwt(OPERATOR, ACCOUNT.publicKey(), "acct", List.of(signer));
        assertTrue(claimsJson(withKeys).contains("\"signing_keys\":[\"" + signer + "\"]"), claimsJson(withKeys));
    }

    @Test
    void userJwtAsNscWritesIt() {
        Instant before = Instant.now().minusSeconds(1);
        String jwt = Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "alice", Duration.ofHours(1));
        JwtClaims c = Jwt.decode(jwt);
        assertEquals(USER.publicKey(), c.subject());
        assertEquals(ACCOUNT.publicKey(), c.issuer());
        assertEquals("alice", c.name());
        assertEquals(Optional.of("user"), c.natsType());
        assertFalse(c.issuedAt().isBefore(before));
        assertEquals(Optional.of(c.issuedAt().plus(Duration.ofHours(1))), c.expires());
        assertTrue(Jwt.verify(jwt));
        assertTrue(claimsJson(jwt).contains("\"nats\":{\"pub\":{},\"sub\":{},\"subs\":-1,\"data\":-1,\"payload\":-1,"
                + "\"type\":\"user\",\"version\":2}"), claimsJson(jwt));
    }

    @Test
    void jtiIsTheReferenceHashOfTheStandardClaims() throws Exception {
        Instant iat = Instant.ofEpochSecond(1_700_000_000L);
        Instant exp = Instant.ofEpochSecond(1_700_003_600L);
        String jwt = Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "bob", iat, exp);
        String standard = "{\"exp\":1700003600,\"iat\":1700000000,\"iss\":\"" + ACCOUNT.publicKey()
                + "\",\"name\":\"bob\",\"sub\":\"" + USER.publicKey() + "\"}";
        byte[] hash = MessageDigest.getInstance("SHA-512/256").digest(standard.getBytes(StandardCharsets.UTF_8));
        String expected = new String(NKeyCodec.base32Encode(hash));
        assertEquals(52, expected.length());
        assertEquals(expected, Jwt.decode(jwt).id());
        assertTrue(claimsJson(jwt).startsWith("{\"exp\":1700003600,\"jti\":\"" + expected + "\",\"iat\":1700000000,"),
                claimsJson(jwt));
    }

    @Test
    void referenceJtiIsReproducedByTheSameHash() throws Exception {
        // The reference JWT's jti, recomputed the way issue() computes it: evidence the formula matches.
        String standard = "{\"iat\":1590781593,\"iss\":\"" + TestVectors.CREDS_ISSUER
                + "\",\"name\":\"OPERATOR\",\"sub\":\"" + TestVectors.CREDS_USER + "\"}";
        byte[] hash = MessageDigest.getInstance("SHA-512/256").digest(standard.getBytes(StandardCharsets.UTF_8));
        assertEquals(Jwt.decode(TestVectors.CREDS_JWT).id(), new String(NKeyCodec.base32Encode(hash)));
    }

    @Test
    void expiryChoices() {
        assertEquals(Optional.empty(), Jwt.decode(Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "u", null)).expires());
        assertEquals(Optional.empty(), Jwt.decode(Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "u", Duration.ZERO)).expires());
        assertThrows(NatsIllegalArgumentException.class,
                () -> Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "u", Duration.ofSeconds(-1)));
        JwtClaims sub = Jwt.decode(Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "u", Duration.ofMillis(10)));
        assertEquals(Optional.of(sub.issuedAt().plusSeconds(1)), sub.expires(), "rounded up to whole seconds");

        Instant now = Instant.now();
        String expired = Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "old", now.minusSeconds(7200), now.minusSeconds(3600));
        JwtClaims c = Jwt.decode(expired);
        assertTrue(c.isExpiredAt(now));
        assertTrue(c.expiresWithin(Duration.ZERO));
        assertTrue(Jwt.verify(expired));
        assertThrows(NatsIllegalArgumentException.class,
                () -> Jwt.issueUserJwt(ACCOUNT, USER.publicKey(), "u", now, now));
    }

    @Test
    void expiresWithinAgainstAClock() {
        JwtClaims c = new JwtClaims("U", "A", "", Instant.EPOCH, Optional.of(Instant.ofEpochSecond(1000)),
                Optional.of("user"), "", Optional.empty());
        Clock at900 = Clock.fixed(Instant.ofEpochSecond(900), ZoneOffset.UTC);
        assertFalse(c.expiresWithin(Duration.ofSeconds(99), at900));
        assertTrue(c.expiresWithin(Duration.ofSeconds(100), at900));
        assertFalse(c.isExpiredAt(Instant.ofEpochSecond(999)));
        assertTrue(c.isExpiredAt(Instant.ofEpochSecond(1000)));
    }

    @Test
    void userJwtFromAnAccountSigningKeyNamesTheAccount() {
        NKey signingKey = NKey.generate(NKey.Type.ACCOUNT);
        String jwt = Jwt.issueUserJwt(signingKey, ACCOUNT.publicKey(), USER.publicKey(), "carol", null);
        JwtClaims c = Jwt.decode(jwt);
        assertEquals(signingKey.publicKey(), c.issuer());
        assertEquals(Optional.of(ACCOUNT.publicKey()), c.issuerAccount());
        assertTrue(Jwt.verify(jwt));
        // Signed by the account itself: no issuer_account.
        String direct = Jwt.issueUserJwt(ACCOUNT, ACCOUNT.publicKey(), USER.publicKey(), "carol", null);
        assertFalse(claimsJson(direct).contains("issuer_account"));
    }

    @Test
    void rejectsWrongKeyTypes() {
        String user = USER.publicKey();
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.issueOperatorJwt(ACCOUNT, "op"));
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.issueAccountJwt(ACCOUNT, ACCOUNT.publicKey(), "a"));
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.issueAccountJwt(OPERATOR, user, "a"));
        assertThrows(NatsIllegalArgumentException.class,
                () -> Jwt.issueAccountJwt(OPERATOR, ACCOUNT.publicKey(), "a", List.of(user)));
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.issueUserJwt(OPERATOR, user, "u", null));
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.issueUserJwt(ACCOUNT, ACCOUNT.publicKey(), "u", null));
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.issueUserJwt(ACCOUNT, user, null, null));
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.issueUserJwt(null, user, "u", null));
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                () -> Jwt.issueUserJwt(ACCOUNT, TestVectors.CREDS_SEED, "u", null));
        assertFalse(e.getMessage().contains(TestVectors.CREDS_SEED.substring(2)), e.getMessage());
    }

    @Test
    void rejectsMalformedJwtsWithoutEchoingThem() {
        String claims = TestVectors.CREDS_JWT.split("\\.")[1];
        String b64 = "eyJhIjoxfQ"; // {"a":1}
        String notJson = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"sub\": SECRETX".getBytes(StandardCharsets.UTF_8));
        String[][] cases = {
            {"", "three non-empty parts"},
            {"a.b", "three non-empty parts"},
            {"a.b.c.d", "three non-empty parts"},
            {"a." + claims + ".", "three non-empty parts"},
            {"a.!!!.c", "not base64url"},
            {"a." + notJson + ".c", "not valid JSON"},
            {"a." + b64 + ".c", "no 'sub' claim"},
            {"a.WzFd.c", "not a JSON object"}, // [1]
        };
        for (String[] c : cases) {
            NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, () -> Jwt.decode(c[0]), c[1]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains("SECRETX"), e.getMessage());
            assertEquals(null, e.getCause());
        }
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.decode(null));
        String badAlg = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8));
        String[] p = TestVectors.CREDS_JWT.split("\\.");
        assertThrows(NatsIllegalArgumentException.class, () -> Jwt.verify(badAlg + "." + p[1] + "." + p[2]));
    }
}
