package io.nats4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsAuthException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {

    @TempDir
    Path dir;

    private static void assertNoSecret(String text) {
        assertFalse(text.contains(TestVectors.CREDS_SEED.substring(2, 30)), "seed leaked: " + text);
        assertFalse(text.contains(TestVectors.CREDS_JWT.substring(40, 80)), "JWT leaked: " + text);
    }

    private static void assertReference(Credentials creds) {
        assertEquals(TestVectors.CREDS_JWT, creds.jwt());
        assertEquals(TestVectors.CREDS_SEED, new String(creds.nkey().seed()));
        assertEquals(TestVectors.CREDS_USER, creds.nkey().publicKey());
        assertEquals(TestVectors.CREDS_ISSUER, creds.claims().issuer());
    }

    @Test
    void parsesTheReferenceFileWithLfAndCrlf() {
        assertReference(Credentials.parse(TestVectors.DECORATED_CREDS));
        assertReference(Credentials.parse(TestVectors.DECORATED_CREDS.replace("\n", "\r\n")));
    }

    @Test
    void acceptsCommentsBlankLinesIndentationAndShortDelimiters() {
        String text = "# a comment\n\n  // another\r\n"
                + "---BEGIN NATS USER JWT---\r\n\r\n   " + TestVectors.CREDS_JWT + "  \r\n\n---END NATS USER JWT---\n"
                + "some banner text\n"
                + "----BEGIN USER NKEY SEED----\n\t" + TestVectors.CREDS_SEED + "\n----END USER NKEY SEED----";
        assertReference(Credentials.parse(text));
    }

    @Test
    void acceptsAByteOrderMark() {
        assertReference(Credentials.parse("\uFEFF" + TestVectors.DECORATED_CREDS));
    }

    @Test
    void acceptsSeedBlockFirst() {
        String text = "-----BEGIN USER NKEY SEED-----\n" + TestVectors.CREDS_SEED + "\n------END USER NKEY SEED------\n"
                + "-----BEGIN NATS USER JWT-----\n" + TestVectors.CREDS_JWT + "\n------END NATS USER JWT------\n";
        assertReference(Credentials.parse(text));
    }

    @Test
    void rejectsMalformedTextWithoutEchoingIt() {
        String jwtBlock = "-----BEGIN NATS USER JWT-----\n" + TestVectors.CREDS_JWT + "\n------END NATS USER JWT------\n";
        String seedBlock = "-----BEGIN USER NKEY SEED-----\n" + TestVectors.CREDS_SEED + "\n------END USER NKEY SEED------\n";
        NKey account = NKey.generate(NKey.Type.ACCOUNT);
        String[][] cases = {
            {"", "no '-----BEGIN NATS USER JWT-----' block"},
            {jwtBlock, "no '-----BEGIN USER NKEY SEED-----' block"},
            {seedBlock, "no '-----BEGIN NATS USER JWT-----' block"},
            {jwtBlock + "-----BEGIN USER NKEY SEED-----\n" + TestVectors.CREDS_SEED + "\n", "has no end line"},
            {jwtBlock + "-----BEGIN USER NKEY SEED-----\n" + TestVectors.CREDS_SEED + "\nX\n-----END-----\n",
                "exactly one non-blank line, found 2"},
            {jwtBlock + "-----BEGIN USER NKEY SEED-----\n\n-----END-----\n", "found 0"},
            {jwtBlock + seedBlock.replace(TestVectors.CREDS_SEED, TestVectors.CREDS_SEED.substring(0, 57) + "A"),
                "checksum"},
            {jwtBlock + seedBlock.replace(TestVectors.CREDS_SEED, new String(account.seed())), "not a USER seed"},
            {jwtBlock + seedBlock.replace(TestVectors.CREDS_SEED, new String(NKey.generate(NKey.Type.USER).seed())),
                "does not match the seed's public key"},
            {jwtBlock.replace(TestVectors.CREDS_JWT, "not.a.jwt") + seedBlock, "malformed JWT"},
        };
        for (String[] c : cases) {
            NatsAuthException e = assertThrows(NatsAuthException.class, () -> Credentials.parse(c[0]), c[1]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertTrue(e.getMessage().startsWith("credentials"), e.getMessage());
            assertNoSecret(e.getMessage());
        }
        assertThrows(NatsAuthException.class, () -> Credentials.parse(null));
    }

    @Test
    void loadsAFile() throws Exception {
        Path file = dir.resolve("user.creds");
        Files.writeString(file, TestVectors.DECORATED_CREDS.replace("\n", "\r\n"));
        assertReference(Credentials.load(file));
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("nope.creds");
        NatsAuthException e = assertThrows(NatsAuthException.class, () -> Credentials.load(file));
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void unreadableFileIsNamed() {
        NatsAuthException e = assertThrows(NatsAuthException.class, () -> Credentials.load(dir));
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    }

    @Test
    void malformedFileIsNamedWithoutItsContents() throws Exception {
        Path file = dir.resolve("broken.creds");
        Files.writeString(file, "-----BEGIN NATS USER JWT-----\n" + TestVectors.CREDS_JWT + "\n-----END-----\n"
                + "-----BEGIN USER NKEY SEED-----\n" + TestVectors.CREDS_SEED + "\n");
        NatsAuthException e = assertThrows(NatsAuthException.class, () -> Credentials.load(file));
        assertTrue(e.getMessage().contains("credentials file " + file), e.getMessage());
        assertTrue(e.getMessage().contains("no end line"), e.getMessage());
        assertNoSecret(e.getMessage());

        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28});
        e = assertThrows(NatsAuthException.class, () -> Credentials.load(file));
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void toStringAndClearKeepSecretsOut() {
        Credentials creds = Credentials.parse(TestVectors.DECORATED_CREDS);
        assertEquals("Credentials[user=" + TestVectors.CREDS_USER + ", jwt=***, seed=***]", creds.toString());
        creds.clear();
        assertFalse(creds.nkey().hasSeed());
        assertThrows(NatsAuthException.class, () -> creds.nkey().sign(new byte[1]));
    }

    @Test
    void roundTripsAFileBuiltWithThisModule() throws Exception {
        NKey account = NKey.generate(NKey.Type.ACCOUNT);
        NKey user = NKey.generate(NKey.Type.USER);
        String jwt = Jwt.issueUserJwt(account, user.publicKey(), "alice", Duration.ofMinutes(5));
        Path file = dir.resolve("alice.creds");
        Files.write(file, TestVectors.credsFile(jwt, user.seed()).getBytes(StandardCharsets.UTF_8));
        Credentials creds = Credentials.load(file);
        assertEquals(jwt, creds.jwt());
        assertEquals(user.publicKey(), creds.nkey().publicKey());
        assertEquals("alice", creds.claims().name());
        assertTrue(creds.claims().expiresWithin(Duration.ofMinutes(10)));
    }
}
