package io.nats4j.auth;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsIllegalArgumentException;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An NKey: an Ed25519 key pair (or a public key alone) with a role, in the NATS text encoding.
 *
 * <p>Public keys are 56 characters starting with the role letter ({@code O}, {@code A}, {@code U},
 * {@code N}, {@code C}); seeds are 58 characters starting with {@code S} and the role letter
 * ({@code SU...} for a user). Both carry a CRC16 checksum, checked on decoding.
 *
 * <pre>{@code
 * NKey user = NKey.fromSeed(seedChars);     // the caller may wipe seedChars now
 * byte[] sig = user.sign(nonce);
 * user.clear();                             // wipes the seed
 * }</pre>
 *
 * <p>Thread-safe. {@link #toString()} shows the role and the public key only.
 *
 * <p>Pitfalls: {@link #seed()} returns a fresh copy that the caller should wipe
 * ({@code Arrays.fill(seed, '\0')}); after {@link #clear()} the key can still verify but no longer
 * sign.
 */
public final class NKey {

    private static final int KEY_LENGTH = 32;
    private static final int PUBLIC_ENCODED_BYTES = 1 + KEY_LENGTH + 2;
    private static final int SEED_ENCODED_BYTES = 2 + KEY_LENGTH + 2;

    /** The role of a key, given by its prefix byte. */
    public enum Type {
        /** An operator: signs account JWTs ({@code O...}). */
        OPERATOR(14 << 3),
        /** An account: signs user JWTs ({@code A...}). */
        ACCOUNT(0),
        /** A user: signs server nonces ({@code U...}). */
        USER(20 << 3),
        /** A server ({@code N...}). */
        SERVER(13 << 3),
        /** A cluster ({@code C...}). */
        CLUSTER(2 << 3);

        private final int prefix;

        Type(int prefix) {
            this.prefix = prefix;
        }

        static Type ofPrefix(int prefix) {
            for (Type t : values()) {
                if (t.prefix == prefix) {
                    return t;
                }
            }
            return null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Type type;
    private final byte[] publicKey;
    private final String encodedPublicKey;
    /** The raw 32-byte Ed25519 seed; null for a public-only key and after {@link #clear()}. */
    private byte[] seed;

    private NKey(Type type, byte[] publicKey, byte[] seed) {
        this.type = type;
        this.publicKey = publicKey;
        this.seed = seed;
        byte[] buf = new byte[PUBLIC_ENCODED_BYTES];
        buf[0] = (byte) type.prefix;
        System.arraycopy(publicKey, 0, buf, 1, KEY_LENGTH);
        this.encodedPublicKey = new String(NKeyCodec.encodeWithCrc(buf));
    }

    /**
     * Generates a new random key pair with a {@link SecureRandom}.
     *
     * @param type the role of the key
     * @return the key pair
     * @throws NatsIllegalArgumentException when {@code type} is null
     */
    public static NKey generate(Type type) {
        if (type == null) {
            throw new NatsIllegalArgumentException("NKey type must not be null");
        }
        byte[] seed = new byte[KEY_LENGTH];
        RANDOM.nextBytes(seed);
        return fromRawSeed(type, seed);
    }

    /** A key pair from a raw 32-byte Ed25519 seed, which the key takes over (no copy). */
    static NKey fromRawSeed(Type type, byte[] seed) {
        byte[] pub = new byte[KEY_LENGTH];
        Ed25519.generatePublicKey(seed, 0, pub, 0);
        return new NKey(type, pub, seed);
    }

    /**
     * Decodes an encoded seed ({@code S} + role letter + ...). The key keeps its own copy of the
     * secret; the caller may wipe {@code seed} afterwards.
     *
     * @param seed the encoded seed
     * @return the key pair
     * @throws NatsIllegalArgumentException when the seed is null, has the wrong length, is not
     *     base32, fails its checksum or has an unknown prefix (the message never contains the seed)
     */
    public static NKey fromSeed(char[] seed) {
        if (seed == null) {
            throw new NatsIllegalArgumentException("seed must not be null");
        }
        byte[] raw = NKeyCodec.decodeWithCrc(seed, SEED_ENCODED_BYTES, "seed");
        try {
            int b1 = raw[0] & 0xff;
            int b2 = raw[1] & 0xff;
            if ((b1 & 0xf8) != NKeyCodec.PREFIX_SEED) {
                throw new NatsIllegalArgumentException("invalid seed: does not start with the seed prefix 'S'");
            }
            Type type = Type.ofPrefix(((b1 & 0x07) << 5) | ((b2 & 0xf8) >>> 3));
            if (type == null) {
                throw new NatsIllegalArgumentException("invalid seed: unknown key type prefix");
            }
            return fromRawSeed(type, Arrays.copyOfRange(raw, 2, 2 + KEY_LENGTH));
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    /**
     * Decodes an encoded public key; the result can verify but not sign.
     *
     * @param publicKey the 56-character public key ({@code O}, {@code A}, {@code U}, {@code N} or
     *     {@code C} first)
     * @return the public-only key
     * @throws NatsIllegalArgumentException when the key is null, has the wrong length, is not base32,
     *     fails its checksum or does not start with a public key prefix (a seed, for example)
     */
    public static NKey fromPublicKey(String publicKey) {
        if (publicKey == null) {
            throw new NatsIllegalArgumentException("public key must not be null");
        }
        if (!publicKey.isEmpty() && publicKey.charAt(0) == 'S') {
            // Do not decode or echo: this is most likely a seed passed by mistake.
            throw new NatsIllegalArgumentException("invalid public key: a seed was given where a public key is expected");
        }
        byte[] raw = NKeyCodec.decodeWithCrc(publicKey.toCharArray(), PUBLIC_ENCODED_BYTES, "public key");
        Type type = Type.ofPrefix(raw[0] & 0xff);
        if (type == null) {
            throw new NatsIllegalArgumentException("invalid public key: unknown key type prefix");
        }
        return new NKey(type, Arrays.copyOfRange(raw, 1, 1 + KEY_LENGTH), null);
    }

    /**
     * Whether {@code publicKey} is a well-formed public key of the given role.
     *
     * @param publicKey the text to check; may be null
     * @param type the expected role
     * @return true when it decodes with a valid checksum and has that role
     */
    public static boolean isValidPublicKey(String publicKey, Type type) {
        try {
            return publicKey != null && fromPublicKey(publicKey).type() == type;
        } catch (NatsIllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The encoded public key, 56 characters starting with the role letter.
     *
     * @return the public key
     */
    public String publicKey() {
        return encodedPublicKey;
    }

    /**
     * The role of this key.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * Whether this key holds its seed (it can sign); false for public-only keys and after
     * {@link #clear()}.
     *
     * @return true when {@link #sign(byte[])} and {@link #seed()} work
     */
    public synchronized boolean hasSeed() {
        return seed != null;
    }

    /**
     * A fresh copy of the encoded seed; wipe it when done.
     *
     * @return the 58-character seed
     * @throws NatsAuthException when this key has no seed (public-only or cleared)
     */
    public synchronized char[] seed() {
        requireSeed();
        byte[] buf = new byte[SEED_ENCODED_BYTES];
        try {
            buf[0] = (byte) (NKeyCodec.PREFIX_SEED | (type.prefix >>> 5));
            buf[1] = (byte) ((type.prefix & 0x1f) << 3);
            System.arraycopy(seed, 0, buf, 2, KEY_LENGTH);
            return NKeyCodec.encodeWithCrc(buf);
        } finally {
            Arrays.fill(buf, (byte) 0);
        }
    }

    /**
     * Signs {@code input} with Ed25519.
     *
     * @param input the bytes to sign (for authentication, the server nonce as sent)
     * @return the 64-byte signature
     * @throws NatsAuthException when this key has no seed (public-only or cleared)
     * @throws NatsIllegalArgumentException when {@code input} is null
     */
    public synchronized byte[] sign(byte[] input) {
        if (input == null) {
            throw new NatsIllegalArgumentException("input must not be null");
        }
        requireSeed();
        byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, input, 0, input.length, sig, 0);
        return sig;
    }

    /**
     * Checks an Ed25519 signature of {@code input} against this key's public key.
     *
     * @param input the signed bytes
     * @param signature the signature
     * @return true when the signature is valid; false otherwise (including a wrong length)
     * @throws NatsIllegalArgumentException when an argument is null
     */
    public boolean verify(byte[] input, byte[] signature) {
        if (input == null || signature == null) {
            throw new NatsIllegalArgumentException("input and signature must not be null");
        }
        if (signature.length != Ed25519.SIGNATURE_SIZE) {
            return false;
        }
        return Ed25519.verify(signature, 0, publicKey, 0, input, 0, input.length);
    }

    /**
     * Wipes the seed from memory; the key can still {@link #verify(byte[], byte[]) verify}.
     * Idempotent.
     */
    public synchronized void clear() {
        if (seed != null) {
            Arrays.fill(seed, (byte) 0);
            seed = null;
        }
    }

    private void requireSeed() {
        if (seed == null) {
            throw new NatsAuthException("NKey " + encodedPublicKey
                    + " has no seed (public key only, or cleared)");
        }
    }

    /**
     * The role and public key, never the seed.
     *
     * @return for example {@code NKey[USER UD3...]}
     */
    @Override
    public String toString() {
        return "NKey[" + type + " " + encodedPublicKey + "]";
    }
}
