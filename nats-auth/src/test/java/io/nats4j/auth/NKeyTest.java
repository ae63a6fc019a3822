package io.nats4j.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class NKeyTest {

    // ---- codec known answers (nkeys.js crc16_test.ts / base32_test.ts, from RFC 4648) ----

    @ParameterizedTest
    @CsvSource({"'',0", "abc,40406", "ABC,14740", "This is a string,8675", "123456789,12739", "ALBERTO,51378"})
    void crc16KnownAnswers(String input, int expected) {
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, NKeyCodec.crc16(bytes, bytes.length));
    }

    @Test
    void crc16OfHighBytes() {
        assertEquals(0x8F78, NKeyCodec.crc16(new byte[] {0x7F}, 1));
        assertEquals(0x9188, NKeyCodec.crc16(new byte[] {(byte) 0x80}, 1));
        assertEquals(0x1EF0, NKeyCodec.crc16(new byte[] {(byte) 0xFF}, 1));
        byte[] mixed = {0x0, 0x1, 0x7D, 0x7E, 0x7F, (byte) 0x80, (byte) 0xFE, (byte) 0xFF};
        assertEquals(0xE26F, NKeyCodec.crc16(mixed, mixed.length));
    }

    @ParameterizedTest
    @CsvSource({"f,MY", "fo,MZXQ", "foo,MZXW6", "foob,MZXW6YQ", "fooba,MZXW6YTB", "foobar,MZXW6YTBOI",
        "sure.,ON2XEZJO", "leasure.,NRSWC43VOJSS4", "asure.,MFZXK4TFFY"})
    void base32KnownAnswers(String input, String expected) {
        byte[] bytes = input.getBytes(StandardCharsets.US_ASCII);
        assertEquals(expected, new String(NKeyCodec.base32Encode(bytes)));
        assertArrayEquals(bytes, NKeyCodec.base32Decode(expected.toCharArray(), bytes.length, "test"));
    }

    // ---- NKey known answers ----

    @Test
    void referenceSeedGivesReferencePublicKeyAndSignature() {
        NKey key = NKey.fromSeed(TestVectors.JS_SEED.toCharArray());
        assertEquals(NKey.Type.ACCOUNT, key.type());
        assertEquals(TestVectors.JS_PUBLIC, key.publicKey());
        assertEquals(TestVectors.JS_SEED, new String(key.seed()));

        byte[] nonce = TestVectors.JS_NONCE.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = Base64.getUrlDecoder().decode(TestVectors.JS_SIG);
        // Ed25519 is deterministic: our signature must be the reference one, byte for byte.
        assertArrayEquals(expected, key.sign(nonce));
        assertTrue(NKey.fromPublicKey(TestVectors.JS_PUBLIC).verify(nonce, expected));
        assertFalse(NKey.fromPublicKey(TestVectors.JS_PUBLIC).verify("other".getBytes(StandardCharsets.US_ASCII), expected));
    }

    @Test
    void referenceRawSeedEncodesToReferenceSeedAndPublicKey() {
        NKey key = NKey.fromRawSeed(NKey.Type.USER, TestVectors.ALBERTOR_RAW.getBytes(StandardCharsets.US_ASCII));
        assertEquals(TestVectors.ALBERTOR_SEED, new String(key.seed()));
        assertEquals(TestVectors.ALBERTOR_PUBLIC, key.publicKey());
        assertEquals(TestVectors.ALBERTOR_PUBLIC, NKey.fromSeed(TestVectors.ALBERTOR_SEED.toCharArray()).publicKey());
    }

    @Test
    void referenceCredsSeedIsTheJwtSubject() {
        assertEquals(TestVectors.CREDS_USER, NKey.fromSeed(TestVectors.CREDS_SEED.toCharArray()).publicKey());
    }

    // ---- round trips ----

    @ParameterizedTest
    @EnumSource(NKey.Type.class)
    void roundTripsEveryType(NKey.Type type) {
        char letter = switch (type) {
            case OPERATOR -> 'O';
            case ACCOUNT -> 'A';
            case USER -> 'U';
            case SERVER -> 'N';
            case CLUSTER -> 'C';
        };
        NKey key = NKey.generate(type);
        assertEquals(type, key.type());
        assertEquals(56, key.publicKey().length());
        assertEquals(letter, key.publicKey().charAt(0));
        char[] seed = key.seed();
        assertEquals(58, seed.length);
        assertEquals('S', seed[0]);
        assertEquals(letter, seed[1]);

        NKey again = NKey.fromSeed(seed);
        assertEquals(key.publicKey(), again.publicKey());
        assertEquals(type, again.type());
        assertArrayEquals(seed, again.seed());

        byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = key.sign(data);
        assertEquals(64, sig.length);
        assertArrayEquals(sig, again.sign(data));
        NKey pub = NKey.fromPublicKey(key.publicKey());
        assertEquals(type, pub.type());
        assertFalse(pub.hasSeed());
        assertTrue(pub.verify(data, sig));
        assertFalse(NKey.fromPublicKey(NKey.generate(type).publicKey()).verify(data, sig));
        sig[0] ^= 1;
        assertFalse(pub.verify(data, sig));
        assertFalse(pub.verify(data, new byte[10]));
        assertTrue(NKey.isValidPublicKey(key.publicKey(), type));
    }

    @Test
    void generatedKeysDiffer() {
        assertNotEquals(NKey.generate(NKey.Type.USER).publicKey(), NKey.generate(NKey.Type.USER).publicKey());
    }

    @Test
    void publicOnlyKeyCannotSignNorGiveSeed() {
        NKey pub = NKey.fromPublicKey(NKey.generate(NKey.Type.USER).publicKey());
        assertThrows(NatsAuthException.class, () -> pub.sign(new byte[1]));
        assertThrows(NatsAuthException.class, pub::seed);
    }

    @Test
    void clearWipesTheSeedBytes() throws Exception {
        NKey key = NKey.generate(NKey.Type.USER);
        Field f = NKey.class.getDeclaredField("seed");
        f.setAccessible(true);
        byte[] held = (byte[]) f.get(key);
        assertFalse(Arrays.equals(new byte[32], held), "a fresh seed is not all zero");
        byte[] data = {1, 2, 3};
        byte[] sig = key.sign(data);

        key.clear();

        assertArrayEquals(new byte[32], held);
        assertFalse(key.hasSeed());
        assertThrows(NatsAuthException.class, () -> key.sign(data));
        assertThrows(NatsAuthException.class, key::seed);
        assertTrue(key.verify(data, sig), "verification needs only the public key");
        key.clear(); // idempotent
    }

    @Test
    void fromSeedKeepsItsOwnCopy() {
        char[] seed = TestVectors.CREDS_SEED.toCharArray();
        NKey key = NKey.fromSeed(seed);
        Arrays.fill(seed, '\0');
        assertEquals(TestVectors.CREDS_SEED, new String(key.seed()));
    }

    @Test
    void toStringShowsTypeAndPublicKeyOnly() {
        NKey key = NKey.fromSeed(TestVectors.CREDS_SEED.toCharArray());
        assertEquals("NKey[USER " + TestVectors.CREDS_USER + "]", key.toString());
    }

    // ---- rejects ----

    private static String replaceAt(String s, int index, char c) {
        char[] chars = s.toCharArray();
        chars[index] = c;
        return new String(chars);
    }

    @Test
    void rejectsBadSeeds() {
        String good = TestVectors.CREDS_SEED;
        String[][] cases = {
            {replaceAt(replaceAt(good, 57, good.charAt(57) == 'A' ? 'B' : 'A'), 56, '2'), "checksum"},
            {replaceAt(good, 20, good.charAt(20) == 'A' ? 'B' : 'A'), "checksum"},
            {good.substring(0, 57), "expected 58 characters"},
            {good + "A", "expected 58 characters"},
            {"", "expected 58 characters"},
            {good.toLowerCase(java.util.Locale.ROOT), "not base32"},
            {replaceAt(good, 30, '1'), "not base32"},
            {replaceAt(good, 57, 'J'), "non-canonical"}, // 'I' plus an unused low bit
            {replaceAt(good, 30, '='), "not base32"},
            {reencodeSeedWithPrefix(good, 0, 20 << 3), "seed prefix"},    // 'A...' first byte
            {reencodeSeedWithPrefix(good, 18 << 3, 3 << 3), "unknown key type"},
        };
        for (String[] c : cases) {
            NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class,
                    () -> NKey.fromSeed(c[0].toCharArray()), c[1]);
            assertTrue(e.getMessage().contains(c[1]), e.getMessage());
            assertFalse(e.getMessage().contains(good.substring(2, 20)), "seed echoed: " + e.getMessage());
        }
        assertThrows(NatsIllegalArgumentException.class, () -> NKey.fromSeed(null));
        // A public key where a seed is expected: right checksum, wrong length.
        assertThrows(NatsIllegalArgumentException.class, () -> NKey.fromSeed(TestVectors.CREDS_USER.toCharArray()));
    }

    /** Re-encodes the seed's key bytes behind other prefix bits, with a valid checksum. */
    private static String reencodeSeedWithPrefix(String seed, int seedPrefix, int typePrefix) {
        byte[] raw = NKeyCodec.decodeWithCrc(seed.toCharArray(), 36, "seed");
        raw[0] = (byte) (seedPrefix | (typePrefix >>> 5));
        raw[1] = (byte) ((typePrefix & 0x1f) << 3);
        return new String(NKeyCodec.encodeWithCrc(raw));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BAD", "UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDU",
        "UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUA",
        "udE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXDUU",
        "UDE6WTGLTTPCRJRJCKBJRGVNZTLIVR7LEEELR4CYWWWBKJS7XYIKXD00",
        "SUAOTBNEUHZDFJT3EUMELT7MQTP24JF3XVCXQNDSCU74G5IU6VAJBKH5LI"})
    void rejectsBadPublicKeys(String bad) {
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, () -> NKey.fromPublicKey(bad));
        assertFalse(e.getMessage().contains("SUAOTBNEUHZDFJT3"), e.getMessage());
        assertFalse(NKey.isValidPublicKey(bad, NKey.Type.USER));
    }

    @Test
    void rejectsPublicKeyWithUnknownPrefix() {
        byte[] raw = new byte[35];
        raw[0] = (byte) (3 << 3);
        String encoded = new String(NKeyCodec.encodeWithCrc(raw));
        NatsIllegalArgumentException e = assertThrows(NatsIllegalArgumentException.class, () -> NKey.fromPublicKey(encoded));
        assertTrue(e.getMessage().contains("unknown key type"), e.getMessage());
    }

    @Test
    void rejectsNullArguments() {
        assertThrows(NatsIllegalArgumentException.class, () -> NKey.generate(null));
        assertThrows(NatsIllegalArgumentException.class, () -> NKey.fromPublicKey(null));
        NKey key = NKey.generate(NKey.Type.USER);
        assertThrows(NatsIllegalArgumentException.class, () -> key.sign(null));
        assertThrows(NatsIllegalArgumentException.class, () -> key.verify(null, new byte[64]));
        assertFalse(NKey.isValidPublicKey(key.publicKey(), NKey.Type.ACCOUNT));
        assertFalse(NKey.isValidPublicKey(null, NKey.Type.USER));
    }
}
