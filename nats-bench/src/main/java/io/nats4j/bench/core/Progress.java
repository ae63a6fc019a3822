package io.nats4j.bench.core;

import java.util.concurrent.atomic.LongAdder;

/**
 * Messages done so far across the clients of one run, for the progress display. Clients add in
 * batches so the counter costs nothing measurable.
 */
public final class Progress {

    private final LongAdder done = new LongAdder();
    private volatile long target;

    /**
     * Creates a progress counter.
     *
     * @param target messages expected in total, or 0 when unknown (a duration run)
     */
    public Progress(long target) {
        this.target = target;
    }

    /**
     * Counts messages done.
     *
     * @param n how many
     */
    public void add(long n) {
        done.add(n);
    }

    /**
     * Returns the messages done so far.
     *
     * @return the count
     */
    public long done() {
        return done.sum();
    }

    /**
     * Returns the expected total.
     *
     * @return the count, or 0 when unknown
     */
    public long target() {
        return target;
    }

    /**
     * Sets the expected total once it is known.
     *
     * @param target the count
     */
    public void target(long target) {
        this.target = target;
    }
}
