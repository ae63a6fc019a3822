package io.nats4j.protocol;

/**
 * NATS unique ids: 22 base-62 characters, a crypto-random 12-character prefix and a 10-character
 * sequence that grows by a random increment and re-randomises the prefix when it rolls over.
 */
public final class Nuid {

    /** Length of an id. */
    public static final int LENGTH = 22;

    /** Creates a generator with a fresh random prefix; an instance is not thread-safe. */
    public Nuid() {
        throw new UnsupportedOperationException();
    }

    /**
     * The next id of this generator.
     *
     * @return a new id
     */
    public String next() {
        throw new UnsupportedOperationException();
    }

    /**
     * The next id of a shared, thread-safe generator.
     *
     * @return a new id
     */
    public static String nextGlobal() {
        throw new UnsupportedOperationException();
    }
}
