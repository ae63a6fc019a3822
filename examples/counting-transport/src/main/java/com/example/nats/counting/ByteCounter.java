package com.example.nats.counting;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the bytes of every transport opened with it, summed over reconnects.
 *
 * <p>Hand one to the client with {@code Options.Builder.transportOption(counter)}; a
 * {@code counting://} connection without one counts into {@link #global()}. Thread-safe: the
 * client's reader and writer threads update it while the application reads it.
 */
public final class ByteCounter {

    private static final ByteCounter GLOBAL = new ByteCounter();

    private final AtomicLong read = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong opened = new AtomicLong();

    /** Creates a counter at zero. */
    public ByteCounter() {
        // counts start at zero
    }

    /**
     * The counter of connections that were given none.
     *
     * @return the shared counter
     */
    public static ByteCounter global() {
        return GLOBAL;
    }

    /**
     * Bytes received from servers.
     *
     * @return the count so far
     */
    public long bytesRead() {
        return read.get();
    }

    /**
     * Bytes sent to servers.
     *
     * @return the count so far
     */
    public long bytesWritten() {
        return written.get();
    }

    /**
     * Transports opened (one per connect or reconnect to a server).
     *
     * @return the count so far
     */
    public long transportsOpened() {
        return opened.get();
    }

    void addRead(long n) {
        read.addAndGet(n);
    }

    void addWritten(long n) {
        written.addAndGet(n);
    }

    void addOpened() {
        opened.incrementAndGet();
    }

    @Override
    public String toString() {
        return "ByteCounter[read=" + bytesRead() + ", written=" + bytesWritten() + ", opened=" + transportsOpened() + "]";
    }
}
