package io.nats4j.protocol.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer that runs in every build, complementing the coverage-guided
 * {@link ParserFuzzTest} (which runs only its seeds unless {@code JAZZER_FUZZ=1}).
 *
 * <p>The budget is an iteration count, not a time: {@code 2000 * nats4j.fuzz.seconds} mutated
 * streams (the build passes 5; {@code -Dnats4j.fuzz.seconds=600} fuzzes much longer). The seed is
 * fixed so a failure reproduces; {@code -Dnats4j.fuzz.seed=N} explores other sequences.
 */
class ParserMutationFuzzTest {

    private static final String[] OPS = {
        "INFO {\"server_id\":\"S\",\"max_payload\":1048576,\"connect_urls\":[\"a:1\",\"b:2\"],\"ldm\":false}\r\n",
        "PING\r\n", "PONG\r\n", "+OK\r\n", "-ERR 'Unknown Protocol Operation'\r\n",
        "MSG foo.bar 9 5\r\nhello\r\n", "MSG foo 1 _INBOX.x.y 3\r\nabc\r\n", "MSG a 1 0\r\n\r\n",
        "HMSG foo 7 22 27\r\nNATS/1.0 503\r\nA: b\r\n\r\nhello\r\n",
        "HMSG foo 7 r 12 12\r\nNATS/1.0\r\n\r\n\r\n", "msg x 2 2\r\nhi\r\n",
    };

    private static final byte[] INTERESTING = " \t\r\n0123456789-+:'{}[]\"MSGHINFOPKER\u00ff\u0000".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void mutatedStreamsOnlyEverRaiseProtocolErrors() {
        int iterations = 2000 * Integer.getInteger("nats4j.fuzz.seconds", 5);
        long seed = Long.getLong("nats4j.fuzz.seed", 20261129L);
        Random random = new Random(seed);
        for (int i = 0; i < iterations; i++) {
            byte[] wire = mutate(validStream(random), random);
            int chunk = 1 + random.nextInt(random.nextBoolean() ? 8 : wire.length + 1);
            try {
                FuzzChecks.check(wire, chunk);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("iteration " + i + " (seed " + seed + ", chunk " + chunk + ") input: "
                        + escape(wire), e);
            }
        }
    }

    private static byte[] validStream(Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            out.writeBytes(OPS[random.nextInt(OPS.length)].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static byte[] mutate(byte[] in, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + 16);
        out.writeBytes(in);
        byte[] b = out.toByteArray();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations; m++) {
            int pos = b.length == 0 ? 0 : random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (b.length > 0) {
                        b[pos] ^= (byte) (1 << random.nextInt(8));
                    }
                }
                case 1 -> b = insert(b, pos, INTERESTING[random.nextInt(INTERESTING.length)]);
                case 2 -> b = delete(b, pos, 1 + random.nextInt(4));
                case 3 -> {
                    if (b.length > 0) {
                        b[pos] = INTERESTING[random.nextInt(INTERESTING.length)];
                    }
                }
                default -> {
                    // A digit run replaced with a large or odd number: lengths are where parsers break.
                    String[] numbers = {"0", "-1", "4294967296", "99999999999999999999", "65537", "1 2"};
                    byte[] num = numbers[random.nextInt(numbers.length)].getBytes(StandardCharsets.US_ASCII);
                    for (byte x : num) {
                        b = insert(b, Math.min(pos++, b.length), x);
                    }
                }
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int pos, byte x) {
        byte[] r = new byte[b.length + 1];
        System.arraycopy(b, 0, r, 0, pos);
        r[pos] = x;
        System.arraycopy(b, pos, r, pos + 1, b.length - pos);
        return r;
    }

    private static byte[] delete(byte[] b, int pos, int n) {
        if (b.length == 0) {
            return b;
        }
        n = Math.min(n, b.length - pos);
        byte[] r = new byte[b.length - n];
        System.arraycopy(b, 0, r, 0, pos);
        System.arraycopy(b, pos + n, r, pos, b.length - pos - n);
        return r;
    }

    private static String escape(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            int c = x & 0xff;
            s.append(c >= 0x20 && c < 0x7f && c != '\\' ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }
}
