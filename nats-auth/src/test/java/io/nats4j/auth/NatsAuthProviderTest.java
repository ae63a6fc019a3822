package io.nats4j.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.spi.AuthProvider;
import io.nats4j.protocol.spi.Authenticator;
import io.nats4j.protocol.spi.ConnectAuth;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class NatsAuthProviderTest {

    private static final String NONCE = "Q6JpZmx8eA2ChQ";

    @TempDir
    Path dir;

    private final NatsAuthProvider provider = new NatsAuthProvider();

    private static void assertSignedNonce(ConnectAuth auth, String publicKey) {
        assertEquals(Optional.of(publicKey), auth.nkey());
        byte[] sig = Base64.getUrlDecoder().decode(auth.signature().orElseThrow());
        assertFalse(auth.signature().orElseThrow().contains("="), "unpadded");
        assertTrue(NKey.fromPublicKey(publicKey).verify(NONCE.getBytes(StandardCharsets.UTF_8), sig));
        assertEquals(Optional.empty(), auth.user());
        assertEquals(Optional.empty(), auth.password());
        assertEquals(Optional.empty(), auth.token());
    }

    // ---- declaration ----

    @Test
    void moduleInfoAndMetaInfServicesAgree() throws Exception {
        ModuleDescriptor descriptor = NatsAuthProvider.class.getModule().getDescriptor();
        if (descriptor == null) { // on the class path: read the compiled descriptor instead
            try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
                descriptor = ModuleDescriptor.read(in);
            }
        }
        Set<String> fromModule = descriptor.provides().stream()
                .filter(p -> p.service().equals(AuthProvider.class.getName()))
                .flatMap(p -> p.providers().stream())
                .collect(Collectors.toSet());
        Set<String> fromServices;
        try (InputStream in = NatsAuthProvider.class.getModule()
                .getResourceAsStream("META-INF/services/" + AuthProvider.class.getName())) {
            assertTrue(in != null, "META-INF/services file missing");
            fromServices = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(l -> l.replaceAll("#.*", "").trim()).filter(l -> !l.isEmpty())
                    .collect(Collectors.toSet());
        }
        assertEquals(Set.of(NatsAuthProvider.class.getName()), fromModule);
        assertEquals(fromModule, fromServices);
        assertTrue(descriptor.exports().stream().anyMatch(e -> e.source().equals("io.nats4j.auth") && !e.isQualified()));
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        Module self = NatsAuthProviderTest.class.getModule();
        if (self.isNamed()) {
            self.addUses(AuthProvider.class); // the main module declares no `uses`; the test needs one
        }
        List<AuthProvider> found = ServiceLoader.load(AuthProvider.class).stream()
                .map(ServiceLoader.Provider::get).collect(Collectors.toList());
        assertTrue(found.stream().anyMatch(p -> p instanceof NatsAuthProvider), found.toString());
    }

    // ---- nkey ----

    @Test
    void nkeyAuthenticatorSignsTheNonce() {
        NKey user = NKey.generate(NKey.Type.USER);
        char[] seed = user.seed();
        Authenticator auth = provider.nkey(seed);
        Arrays.fill(seed, '\0'); // the provider kept its own copy
        ConnectAuth result = auth.authenticate(TestVectors.info(Optional.of(NONCE)));
        assertSignedNonce(result, user.publicKey());
        assertEquals(Optional.empty(), result.jwt());
        // Nothing is consumed: reconnects sign again.
        assertSignedNonce(auth.authenticate(TestVectors.info(Optional.of(NONCE))), user.publicKey());
    }

    /** Like nats.go: a server that sends no nonce (it requires no auth) gets the signature of the empty nonce. */
    private static void assertSignedEmptyNonce(ConnectAuth auth, String publicKey) {
        assertEquals(Optional.of(publicKey), auth.nkey());
        byte[] sig = Base64.getUrlDecoder().decode(auth.signature().orElseThrow());
        assertTrue(NKey.fromPublicKey(publicKey).verify(new byte[0], sig));
    }

    @Test
    void nkeyWithoutNonceSignsTheEmptyNonce() {
        NKey user = NKey.generate(NKey.Type.USER);
        Authenticator auth = provider.nkey(user.seed());
        assertSignedEmptyNonce(auth.authenticate(TestVectors.info(Optional.empty())), user.publicKey());
    }

    @Test
    void nkeyRejectsBadAndNonUserSeeds() {
        NatsAuthException e = assertThrows(NatsAuthException.class,
                () -> provider.nkey((TestVectors.CREDS_SEED.substring(0, 57) + "A").toCharArray()));
        assertTrue(e.getMessage().contains("checksum"), e.getMessage());
        assertFalse(e.getMessage().contains(TestVectors.CREDS_SEED.substring(2, 40)));
        e = assertThrows(NatsAuthException.class, () -> provider.nkey(NKey.generate(NKey.Type.ACCOUNT).seed()));
        assertTrue(e.getMessage().contains("USER"), e.getMessage());
        assertThrows(NatsAuthException.class, () -> provider.nkey(null));
    }

    // ---- credentials ----

    private Path writeCreds(String name, NKey account, NKey user) throws Exception {
        String jwt = Jwt.issueUserJwt(account, user.publicKey(), name, Duration.ofHours(1));
        Path file = dir.resolve(name + ".creds");
        char[] seed = user.seed();
        Files.writeString(file, TestVectors.credsFile(jwt, seed).replace("\n", "\r\n"));
        Arrays.fill(seed, '\0');
        return file;
    }

    @Test
    void credentialsAuthenticatorSendsJwtAndSignature() throws Exception {
        NKey account = NKey.generate(NKey.Type.ACCOUNT);
        NKey user = NKey.generate(NKey.Type.USER);
        Path file = writeCreds("alice", account, user);
        Authenticator auth = provider.credentials(file);
        ConnectAuth result = auth.authenticate(TestVectors.info(Optional.of(NONCE)));
        assertSignedNonce(result, user.publicKey());
        assertEquals(Credentials.load(file).jwt(), result.jwt().orElseThrow());
    }

    @Test
    void credentialsFileIsReReadOnEveryConnect() throws Exception {
        NKey account = NKey.generate(NKey.Type.ACCOUNT);
        NKey first = NKey.generate(NKey.Type.USER);
        NKey second = NKey.generate(NKey.Type.USER);
        Path file = writeCreds("rotating", account, first);
        Authenticator auth = provider.credentials(file);
        assertSignedNonce(auth.authenticate(TestVectors.info(Optional.of(NONCE))), first.publicKey());

        Files.copy(writeCreds("next", account, second), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ConnectAuth rotated = auth.authenticate(TestVectors.info(Optional.of(NONCE)));
        assertSignedNonce(rotated, second.publicKey());
        assertEquals(second.publicKey(), Jwt.decode(rotated.jwt().orElseThrow()).subject());

        Files.delete(file);
        NatsAuthException e = assertThrows(NatsAuthException.class,
                () -> auth.authenticate(TestVectors.info(Optional.of(NONCE))));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void credentialsWithoutNonceSignTheEmptyNonce() throws Exception {
        NKey user = NKey.generate(NKey.Type.USER);
        Authenticator auth = provider.credentials(writeCreds("bob", NKey.generate(NKey.Type.ACCOUNT), user));
        ConnectAuth result = auth.authenticate(TestVectors.info(Optional.empty()));
        assertSignedEmptyNonce(result, user.publicKey());
        assertTrue(result.jwt().isPresent());
        assertThrows(NatsAuthException.class, () -> provider.credentials(null));
    }

    // ---- no secret anywhere ----

    @Test
    void noSecretInToStringOrExceptionMessages() throws Exception {
        NKey account = NKey.generate(NKey.Type.ACCOUNT);
        NKey user = NKey.generate(NKey.Type.USER);
        Path file = writeCreds("hygiene", account, user);
        Credentials creds = Credentials.load(file);
        String jwt = creds.jwt();
        char[] seedChars = user.seed();
        String seed = new String(seedChars);

        List<String> seen = new ArrayList<>();
        Authenticator nkeyAuth = provider.nkey(seedChars);
        Authenticator credsAuth = provider.credentials(file);
        ConnectAuth nkeyResult = nkeyAuth.authenticate(TestVectors.info(Optional.of(NONCE)));
        ConnectAuth credsResult = credsAuth.authenticate(TestVectors.info(Optional.of(NONCE)));
        seen.add(nkeyAuth.authenticate(TestVectors.info(Optional.empty())).toString());
        seen.add(credsAuth.authenticate(TestVectors.info(Optional.empty())).toString());
        seen.add(user.toString());
        seen.add(NKey.fromPublicKey(user.publicKey()).toString());
        seen.add(creds.toString());
        seen.add(nkeyAuth.toString());
        seen.add(credsAuth.toString());
        seen.add(nkeyResult.toString());
        seen.add(credsResult.toString());
        seen.add(creds.claims().toString());

        String badSeed = seed.substring(0, 40) + (seed.charAt(40) == 'A' ? 'B' : 'A') + seed.substring(41);
        String brokenFile = TestVectors.credsFile(jwt, badSeed.toCharArray());
        Path broken = dir.resolve("broken.creds");
        Files.writeString(broken, brokenFile);
        List<Executable> failures = List.of(
                () -> provider.nkey(badSeed.toCharArray()),
                () -> provider.nkey(seed.toLowerCase(java.util.Locale.ROOT).toCharArray()),
                () -> provider.nkey(seed.substring(1).toCharArray()),
                () -> NKey.fromPublicKey(seed),
                () -> NKey.fromSeed(jwt.toCharArray()),
                () -> Credentials.parse(brokenFile),
                () -> Credentials.load(broken),
                () -> provider.credentials(broken).authenticate(TestVectors.info(Optional.of(NONCE))),
                () -> Credentials.parse(TestVectors.credsFile(jwt.substring(0, jwt.length() / 2), seedChars)),
                () -> Jwt.decode(jwt.substring(0, jwt.lastIndexOf('.'))),
                () -> Jwt.decode(jwt.replace('.', '!')),
                () -> Jwt.issueUserJwt(account, seed, "x", null));
        for (Executable failure : failures) {
            Throwable t = assertThrows(RuntimeException.class, failure);
            assertInstanceOf(io.nats4j.protocol.NatsException.class, t);
            for (Throwable c = t; c != null; c = c.getCause()) {
                seen.add(String.valueOf(c.getMessage()));
                seen.add(c.toString());
            }
        }
        String seedBody = seed.substring(2);
        String[] jwtParts = jwt.split("\\.");
        for (String s : seen) {
            assertFalse(s.contains(seedBody), "seed in: " + s);
            assertFalse(s.contains(seedBody.toLowerCase(java.util.Locale.ROOT)), "seed in: " + s);
            assertFalse(s.contains(jwtParts[1].substring(0, 20)), "JWT in: " + s);
            assertFalse(s.contains(jwtParts[2].substring(0, 20)), "JWT signature in: " + s);
            assertFalse(s.contains(nkeyResult.signature().orElseThrow()), "nonce signature in: " + s);
        }
        assertTrue(seen.size() > 30);
    }
}
