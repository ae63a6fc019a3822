package io.nats4j.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * Just enough NKey and JWT issuing (JDK Ed25519) to start an operator-mode server in this module's
 * own tests; the real implementation lives in nats-auth.
 */
final class TestNKeys {
    static final int OPERATOR = 14 << 3;
    static final int ACCOUNT = 0;
    static final int USER = 20 << 3;

    final KeyPair pair;
    final String publicKey;

    private TestNKeys(KeyPair pair, int prefix) {
        this.pair = pair;
        byte[] x509 = pair.getPublic().getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        byte[] body = new byte[33];
        body[0] = (byte) prefix;
        System.arraycopy(raw, 0, body, 1, 32);
        int crc = crc16(body);
        byte[] withCrc = Arrays.copyOf(body, 35);
        withCrc[33] = (byte) crc;
        withCrc[34] = (byte) (crc >>> 8);
        this.publicKey = base32(withCrc);
    }

    static TestNKeys create(int prefix) throws GeneralSecurityException {
        return new TestNKeys(KeyPairGenerator.getInstance("Ed25519").generateKeyPair(), prefix);
    }

    byte[] sign(byte[] data) throws GeneralSecurityException {
        Signature sig = Signature.getInstance("Ed25519");
        sig.initSign(pair.getPrivate());
        sig.update(data);
        return sig.sign();
    }

    /** Issues a JWT with this key as issuer. */
    String issue(String subject, String name, String natsJson) throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ed25519-nkey\"}".getBytes(StandardCharsets.UTF_8));
        long iat = System.currentTimeMillis() / 1000;
        String unsigned = "{\"iat\":" + iat + ",\"iss\":\"" + publicKey + "\",\"name\":\"" + name
            + "\",\"sub\":\"" + subject + "\",\"nats\":" + natsJson + "}";
        String jti = base32(MessageDigest.getInstance("SHA-256").digest(unsigned.getBytes(StandardCharsets.UTF_8)));
        String claims = "{\"jti\":\"" + jti + "\"," + unsigned.substring(1);
        String payload = b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        String toSign = header + "." + payload;
        return toSign + "." + b64.encodeToString(sign(toSign.getBytes(StandardCharsets.US_ASCII)));
    }

    static int crc16(byte[] data) {
        int crc = 0;
        for (byte b : data) {
            crc ^= (b & 0xff) << 8;
            for (int i = 0; i < 8; i++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xffff;
    }

    static String base32(byte[] data) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.write(alphabet.charAt((buffer >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.write(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString(StandardCharsets.US_ASCII);
    }
}
