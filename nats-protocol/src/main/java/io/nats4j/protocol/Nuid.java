package io.nats4j.protocol;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;

/**
 * NATS unique ids: 22 base-62 characters, a crypto-random 12-character prefix and a 10-character
 * sequence that grows by a random increment and re-randomises the prefix when it rolls over.
 *
 * <p>As in nats.go, the sequence starts at a random value and grows by a random step in
 * {@code [33, 333)}, so consecutive ids are distinct but not guessable from one another's suffix;
 * only the prefix comes from {@link SecureRandom}, once per 62<sup>10</sup>/183 ids on average.
 */
public final class Nuid {

    /** Length of an id. */
    public static final int LENGTH = 22;

    private static final byte[] DIGITS =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".getBytes(StandardCharsets.US_ASCII);
    private static final int BASE = 62;
    private static final int PREFIX_LENGTH = 12;
    private static final int SEQ_LENGTH = 10;
    /** 62^10, the number of distinct sequence suffixes. */
    private static final long MAX_SEQ = 839_299_365_868_340_224L;
    private static final long MIN_INC = 33;
    private static final long MAX_INC = 333;

    private static final SecureRandom SECURE = new SecureRandom();
    private static final Nuid GLOBAL = new Nuid();
    private static final ReentrantLock GLOBAL_LOCK = new ReentrantLock();

    /** The id being built: the prefix stays in place, only the suffix is rewritten. */
    private final byte[] buffer = new byte[LENGTH];
    private long seq;
    private long inc;

    /** Creates a generator with a fresh random prefix; an instance is not thread-safe. */
    public Nuid() {
        randomizePrefix();
        resetSequence();
    }

    /**
     * The next id of this generator.
     *
     * @return a new id
     */
    public String next() {
        seq += inc;
        if (seq >= MAX_SEQ) {
            randomizePrefix();
            resetSequence();
        }
        long s = seq;
        for (int i = LENGTH - 1; i >= LENGTH - SEQ_LENGTH; i--) {
            buffer[i] = DIGITS[(int) (s % BASE)];
            s /= BASE;
        }
        return new String(buffer, StandardCharsets.ISO_8859_1);
    }

    /**
     * The next id of a shared, thread-safe generator.
     *
     * @return a new id
     */
    public static String nextGlobal() {
        // A lock rather than synchronized: it does not pin virtual threads on JDK 21.
        GLOBAL_LOCK.lock();
        try {
            return GLOBAL.next();
        } finally {
            GLOBAL_LOCK.unlock();
        }
    }

    /** Positions the sequence, so that tests can reach the roll-over. */
    void sequence(long seq, long inc) {
        this.seq = seq;
        this.inc = inc;
    }

    private void randomizePrefix() {
        // Rejection sampling keeps every character equally likely: 248 = 4 * 62.
        byte[] random = new byte[PREFIX_LENGTH * 2];
        SECURE.nextBytes(random);
        int filled = 0;
        int r = 0;
        while (filled < PREFIX_LENGTH) {
            if (r == random.length) {
                SECURE.nextBytes(random);
                r = 0;
            }
            int b = random[r++] & 0xff;
            if (b < 248) {
                buffer[filled++] = DIGITS[b % BASE];
            }
        }
    }

    private void resetSequence() {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        seq = rnd.nextLong(MAX_SEQ);
        inc = rnd.nextLong(MIN_INC, MAX_INC);
    }
}
