package io.nats4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.spi.Authenticator;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NKey and decentralized JWT authentication against a real nats-server, over a raw socket. */
class NatsAuthIntegrationTest {

    private static final NatsAuthProvider PROVIDER = new NatsAuthProvider();

    // NKey users
    private static final NKey NKEY_USER = NKey.generate(NKey.Type.USER);
    // Decentralized auth: operator -> (SYS, ACCT with a signing key) ; STRANGER is unknown to the server.
    private static final NKey OPERATOR = NKey.generate(NKey.Type.OPERATOR);
    private static final NKey SYS = NKey.generate(NKey.Type.ACCOUNT);
    private static final NKey ACCT = NKey.generate(NKey.Type.ACCOUNT);
    private static final NKey ACCT_SIGNER = NKey.generate(NKey.Type.ACCOUNT);
    private static final NKey STRANGER = NKey.generate(NKey.Type.ACCOUNT);

    private static NatsServer nkeyServer;
    private static NatsServer jwtServer;

    @TempDir
    Path dir;

    @BeforeAll
    static void startServers() {
        nkeyServer = NatsServer.start(NatsServerConfig.builder()
                // A mutable list: NatsServerConfig.Builder.users() calls contains(null), which List.of rejects.
                .users(new ArrayList<>(List.of(NatsServerConfig.User.nkey(NKEY_USER.publicKey()))))
                .build());
        String operatorJwt = Jwt.issueOperatorJwt(OPERATOR, "test-operator");
        Map<String, String> accounts = Map.of(
                SYS.publicKey(), Jwt.issueAccountJwt(OPERATOR, SYS.publicKey(), "SYS"),
                ACCT.publicKey(), Jwt.issueAccountJwt(OPERATOR, ACCT.publicKey(), "ACCT",
                        List.of(ACCT_SIGNER.publicKey())));
        jwtServer = NatsServer.start(NatsServerConfig.builder()
                .operator(operatorJwt, SYS.publicKey(), accounts)
                .build());
    }

    @AfterAll
    static void stopServers() {
        if (nkeyServer != null) {
            nkeyServer.close();
        }
        if (jwtServer != null) {
            jwtServer.close();
        }
    }

    private static void assertRefused(RawHandshake.Result result) {
        assertFalse(result.accepted(), result.verdict());
        assertTrue(result.verdict().contains("Authorization Violation"), result.verdict());
    }

    private Path creds(String name, String jwt, NKey user) throws Exception {
        char[] seed = user.seed();
        try {
            Path file = dir.resolve(name + ".creds");
            Files.writeString(file, TestVectors.credsFile(jwt, seed).replace("\n", "\r\n"));
            return file;
        } finally {
            Arrays.fill(seed, '\0');
        }
    }

    // ---- NKey users ----

    @Test
    void nkeyUserWithTheRightKeyIsAccepted() throws Exception {
        Authenticator auth = PROVIDER.nkey(NKEY_USER.seed());
        RawHandshake.Result result = RawHandshake.connect(nkeyServer.port(), auth);
        assertTrue(result.accepted(), result.verdict());
        assertEquals(NKEY_USER.publicKey(), result.sent().nkey().orElseThrow());
    }

    @Test
    void nkeyUserWithAnotherKeyIsRefused() throws Exception {
        assertRefused(RawHandshake.connect(nkeyServer.port(), PROVIDER.nkey(NKey.generate(NKey.Type.USER).seed())));
    }

    @Test
    void nkeyUserClaimingTheRightKeyButSigningWithAnotherIsRefused() throws Exception {
        NKey impostor = NKey.generate(NKey.Type.USER);
        Authenticator forged = info -> {
            String sig = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                    impostor.sign(info.nonce().orElseThrow().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return io.nats4j.protocol.spi.ConnectAuth.nkey(java.util.Optional.empty(), NKEY_USER.publicKey(), sig);
        };
        assertRefused(RawHandshake.connect(nkeyServer.port(), forged));
    }

    // ---- decentralized JWT auth ----

    @Test
    void userOfAKnownAccountIsAccepted() throws Exception {
        NKey user = NKey.generate(NKey.Type.USER);
        Path file = creds("alice", Jwt.issueUserJwt(ACCT, user.publicKey(), "alice", Duration.ofHours(1)), user);
        RawHandshake.Result result = RawHandshake.connect(jwtServer.port(), PROVIDER.credentials(file));
        assertTrue(result.accepted(), result.verdict());
        assertTrue(result.sent().jwt().isPresent());
    }

    @Test
    void userWithoutExpiryIsAccepted() throws Exception {
        NKey user = NKey.generate(NKey.Type.USER);
        Path file = creds("forever", Jwt.issueUserJwt(ACCT, user.publicKey(), "forever", null), user);
        assertTrue(RawHandshake.connect(jwtServer.port(), PROVIDER.credentials(file)).accepted());
    }

    @Test
    void userSignedByARegisteredAccountSigningKeyIsAccepted() throws Exception {
        NKey user = NKey.generate(NKey.Type.USER);
        String jwt = Jwt.issueUserJwt(ACCT_SIGNER, ACCT.publicKey(), user.publicKey(), "carol", Duration.ofHours(1));
        RawHandshake.Result result = RawHandshake.connect(jwtServer.port(), PROVIDER.credentials(creds("carol", jwt, user)));
        assertTrue(result.accepted(), result.verdict());
    }

    @Test
    void userSignedByAnUnknownAccountIsRefused() throws Exception {
        NKey user = NKey.generate(NKey.Type.USER);
        Path file = creds("stranger", Jwt.issueUserJwt(STRANGER, user.publicKey(), "eve", Duration.ofHours(1)), user);
        assertRefused(RawHandshake.connect(jwtServer.port(), PROVIDER.credentials(file)));
    }

    @Test
    void userClaimingAnAccountButSignedByAnUnregisteredKeyIsRefused() throws Exception {
        NKey user = NKey.generate(NKey.Type.USER);
        String jwt = Jwt.issueUserJwt(STRANGER, ACCT.publicKey(), user.publicKey(), "mallory", Duration.ofHours(1));
        assertRefused(RawHandshake.connect(jwtServer.port(), PROVIDER.credentials(creds("mallory", jwt, user))));
    }

    @Test
    void expiredUserJwtIsRefused() throws Exception {
        NKey user = NKey.generate(NKey.Type.USER);
        Instant now = Instant.now();
        String jwt = Jwt.issueUserJwt(ACCT, user.publicKey(), "old", now.minusSeconds(7200), now.minusSeconds(3600));
        assertTrue(Jwt.decode(jwt).isExpiredAt(now));
        assertRefused(RawHandshake.connect(jwtServer.port(), PROVIDER.credentials(creds("old", jwt, user))));
    }

    @Test
    void rotatedCredsFileIsReReadOnTheNextConnect() throws Exception {
        NKey first = NKey.generate(NKey.Type.USER);
        NKey second = NKey.generate(NKey.Type.USER);
        Path file = creds("rotating", Jwt.issueUserJwt(ACCT, first.publicKey(), "v1", Duration.ofHours(1)), first);
        Authenticator auth = PROVIDER.credentials(file);

        RawHandshake.Result one = RawHandshake.connect(jwtServer.port(), auth);
        assertTrue(one.accepted(), one.verdict());
        assertEquals(first.publicKey(), Jwt.decode(one.sent().jwt().orElseThrow()).subject());

        Path next = creds("next", Jwt.issueUserJwt(ACCT, second.publicKey(), "v2", Duration.ofHours(1)), second);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        RawHandshake.Result two = RawHandshake.connect(jwtServer.port(), auth);
        assertTrue(two.accepted(), two.verdict());
        assertEquals(second.publicKey(), Jwt.decode(two.sent().jwt().orElseThrow()).subject());

        // Rotated to an expired JWT: the same authenticator now fails, proving the file is re-read.
        Instant now = Instant.now();
        Path stale = creds("stale", Jwt.issueUserJwt(ACCT, second.publicKey(), "v3",
                now.minusSeconds(7200), now.minusSeconds(3600)), second);
        Files.move(stale, file, StandardCopyOption.REPLACE_EXISTING);
        assertRefused(RawHandshake.connect(jwtServer.port(), auth));
    }

    @Test
    void nkeyCredentialsAreRefusedByTheOperatorServerAndJwtsByTheNkeyServer() throws Exception {
        // Cross-checks that the verdicts above come from the credentials, not from a permissive server.
        assertRefused(RawHandshake.connect(jwtServer.port(), PROVIDER.nkey(NKEY_USER.seed())));
        NKey user = NKey.generate(NKey.Type.USER);
        Path file = creds("misplaced", Jwt.issueUserJwt(ACCT, user.publicKey(), "x", Duration.ofHours(1)), user);
        assertRefused(RawHandshake.connect(nkeyServer.port(), PROVIDER.credentials(file)));
    }
}
