package io.nats4j.auth;

import io.nats4j.protocol.NatsIllegalArgumentException;
import java.util.Arrays;

/**
 * The NKey text encoding: RFC 4648 base32 (upper case, no padding) of prefix bytes, key bytes and a
 * little-endian CRC16 (XMODEM: polynomial 0x1021, initial value 0).
 *
 * <p>Works on {@code char[]}/{@code byte[]} so that seeds never become immutable strings. Error
 * messages name what was wrong and never include the input.
 */
final class NKeyCodec {

    /** Prefix byte of a seed; encodes to 'S'. */
    static final int PREFIX_SEED = 18 << 3;

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int[] DECODE = new int[128];

    static {
        Arrays.fill(DECODE, -1);
        for (int i = 0; i < ALPHABET.length; i++) {
            DECODE[ALPHABET[i]] = i;
        }
    }

    private NKeyCodec() {
    }

    /** CRC16/XMODEM of {@code data[0..length)}. */
    static int crc16(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
            crc &= 0xffff;
        }
        return crc;
    }

    /** Appends the CRC of {@code data[0..length-2)} in its last two bytes and base32-encodes the whole. */
    static char[] encodeWithCrc(byte[] data) {
        int crc = crc16(data, data.length - 2);
        data[data.length - 2] = (byte) crc;
        data[data.length - 1] = (byte) (crc >>> 8);
        return base32Encode(data);
    }

    /**
     * Decodes base32 text and checks its trailing CRC.
     *
     * @param what names the input in error messages ("seed", "public key")
     * @return the decoded bytes including the two CRC bytes
     */
    static byte[] decodeWithCrc(char[] text, int expectedBytes, String what) {
        int expectedChars = (expectedBytes * 8 + 4) / 5;
        if (text.length != expectedChars) {
            throw new NatsIllegalArgumentException("invalid " + what + ": expected " + expectedChars
                    + " characters, got " + text.length);
        }
        byte[] raw = base32Decode(text, expectedBytes, what);
        int crc = (raw[raw.length - 2] & 0xff) | (raw[raw.length - 1] & 0xff) << 8;
        if (crc != crc16(raw, raw.length - 2)) {
            Arrays.fill(raw, (byte) 0);
            throw new NatsIllegalArgumentException("invalid " + what + ": checksum mismatch");
        }
        return raw;
    }

    static char[] base32Encode(byte[] data) {
        char[] out = new char[(data.length * 8 + 4) / 5];
        int buffer = 0;
        int bits = 0;
        int pos = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out[pos++] = ALPHABET[(buffer >>> (bits - 5)) & 31];
                bits -= 5;
            }
        }
        if (bits > 0) {
            out[pos++] = ALPHABET[(buffer << (5 - bits)) & 31];
        }
        return out;
    }

    static byte[] base32Decode(char[] text, int expectedBytes, String what) {
        byte[] out = new byte[expectedBytes];
        int buffer = 0;
        int bits = 0;
        int pos = 0;
        for (char c : text) {
            int v = c < 128 ? DECODE[c] : -1;
            if (v < 0) {
                Arrays.fill(out, (byte) 0);
                throw new NatsIllegalArgumentException("invalid " + what
                        + ": not base32 (only A-Z and 2-7 are allowed)");
            }
            buffer = (buffer << 5) | v;
            bits += 5;
            if (bits >= 8) {
                out[pos++] = (byte) (buffer >>> (bits - 8));
                bits -= 8;
            }
        }
        if ((buffer & ((1 << bits) - 1)) != 0) {
            // Encoders leave the unused low bits of the last character zero; anything else would let
            // two different strings decode to the same key.
            Arrays.fill(out, (byte) 0);
            throw new NatsIllegalArgumentException("invalid " + what + ": non-canonical base32 ending");
        }
        return out;
    }
}
