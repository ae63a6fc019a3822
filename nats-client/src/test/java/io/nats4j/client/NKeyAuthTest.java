package io.nats4j.client;

import static io.nats4j.client.TestSupport.WAIT;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.auth.Jwt;
import io.nats4j.auth.NKey;
import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsException;
import io.nats4j.testing.LeakCheckExtension;
import io.nats4j.testing.NatsServer;
import io.nats4j.testing.NatsServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** NKey users and decentralized JWT auth, end to end through {@link Options}. */
@ExtendWith(LeakCheckExtension.class)
class NKeyAuthTest {

    private static final NKey USER = NKey.generate(NKey.Type.USER);
    private static final NKey OPERATOR = NKey.generate(NKey.Type.OPERATOR);
    private static final NKey SYS = NKey.generate(NKey.Type.ACCOUNT);
    private static final NKey ACCOUNT = NKey.generate(NKey.Type.ACCOUNT);
    private static NatsServer nkeyServer;
    private static NatsServer jwtServer;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        nkeyServer = NatsServer.start(NatsServerConfig.builder()
                .users(new ArrayList<>(List.of(NatsServerConfig.User.nkey(USER.publicKey())))).build());
        jwtServer = NatsServer.start(NatsServerConfig.builder().operator(Jwt.issueOperatorJwt(OPERATOR, "op"),
                SYS.publicKey(), Map.of(SYS.publicKey(), Jwt.issueAccountJwt(OPERATOR, SYS.publicKey(), "SYS"),
                        ACCOUNT.publicKey(), Jwt.issueAccountJwt(OPERATOR, ACCOUNT.publicKey(), "APP"))).build());
    }

    @AfterAll
    static void stop() {
        nkeyServer.close();
        jwtServer.close();
    }


    @Test
    void nkeySeedSignsTheNonce() {
        char[] seed = USER.seed();
        try (Connection nc = Nats.connect(Options.builder().server(nkeyServer.url()).nkey(seed).build())) {
            Subscription sub = nc.subscribe("n");
            nc.publish("n", new byte[1]);
            assertNotNull(sub.nextMessage(WAIT));
        }
        char[] other = NKey.generate(NKey.Type.USER).seed();
        NatsAuthException e = assertThrows(NatsAuthException.class,
                () -> Nats.connect(Options.builder().server(nkeyServer.url()).nkey(other).build()));
        assertFalse(e.getMessage().contains(new String(other)), e.getMessage());
    }

    private Path creds(String name, String jwt, NKey user) {
        char[] seed = user.seed();
        Path file = dir.resolve(name + ".creds");
        try {
            Files.writeString(file, "-----BEGIN NATS USER JWT-----\r\n" + jwt + "\r\n------END NATS USER JWT------\r\n\r\n"
                    + "# comment\r\n-----BEGIN USER NKEY SEED-----\r\n" + new String(seed)
                    + "\r\n------END USER NKEY SEED------\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    @Test
    void credentialsFileConnectsAndExpiredJwtIsRefused() {
        NKey alice = NKey.generate(NKey.Type.USER);
        Path good = creds("alice", Jwt.issueUserJwt(ACCOUNT, alice.publicKey(), "alice", Duration.ofHours(1)), alice);
        try (Connection nc = Nats.connect(Options.builder().server(jwtServer.url()).credentials(good).build())) {
            nc.flush(WAIT);
        }
        Instant now = Instant.now();
        NKey old = NKey.generate(NKey.Type.USER);
        Path expired = creds("old", Jwt.issueUserJwt(ACCOUNT, old.publicKey(), "old",
                now.minusSeconds(7200), now.minusSeconds(3600)), old);
        assertThrows(NatsAuthException.class,
                () -> Nats.connect(Options.builder().server(jwtServer.url()).credentials(expired).build()));
    }

    @Test
    void missingCredentialsFileIsAClearError() {
        Path missing = dir.resolve("nope.creds");
        NatsException e = assertThrows(NatsException.class,
                () -> Nats.connect(Options.builder().server(jwtServer.url()).credentials(missing).build()));
        assertTrue(e.getMessage().contains("nope.creds"), e.getMessage());
    }

    @Test
    void noSecretInAnyMessageOrToString() {
        char[] seed = USER.seed();
        String seedText = new String(seed);
        NKey bob = NKey.generate(NKey.Type.USER);
        String jwt = Jwt.issueUserJwt(ACCOUNT, bob.publicKey(), "bob", Duration.ofHours(1));
        Path file = creds("bob", jwt, bob);
        List<String> shown = new ArrayList<>();
        Options withSeed = Options.builder().server("nats://alice:pw-secret@127.0.0.1:" + nkeyServer.port()).nkey(seed)
                .token("tok-secret").build();
        shown.add(withSeed.toString());
        Options withCreds = Options.builder().server(jwtServer.url()).credentials(file).build();
        shown.add(withCreds.toString());
        try (Connection nc = Nats.connect(withCreds)) {
            shown.add(nc.toString());
            shown.add(nc.connectedUrl().orElseThrow());
            shown.add(nc.serverInfo().toString());
        }
        for (String url : List.of("nats://carol:pw-secret@127.0.0.1:1", "nats://tok-secret@127.0.0.1:1")) {
            NatsException e = assertThrows(NatsException.class, () -> Nats.connect(url));
            shown.add(e.getMessage());
            for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
                shown.add(String.valueOf(c.getMessage()));
            }
        }
        for (String s : shown) {
            assertFalse(s.contains(seedText), s);
            assertFalse(s.contains(jwt), s);
            assertFalse(s.contains("pw-secret"), s);
            assertFalse(s.contains("tok-secret"), s);
        }
    }
}
