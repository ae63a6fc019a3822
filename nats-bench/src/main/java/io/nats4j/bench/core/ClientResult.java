package io.nats4j.bench.core;

import org.HdrHistogram.Histogram;

/**
 * What one benchmark client measured.
 *
 * @param role {@code pub}, {@code sub}, {@code req} or {@code rep}
 * @param index the client's number within its role, from 1
 * @param msgs messages sent or received
 * @param bytes payload bytes sent or received
 * @param startNanos {@link System#nanoTime()} at the first message
 * @param endNanos {@link System#nanoTime()} at the end (the PONG of the final flush for publishers)
 * @param timeouts requests that got no reply in time
 * @param errors other failures (a request that failed, a publish that threw)
 * @param dropped messages the client dropped as a slow consumer
 * @param reconnects reconnects during the run
 * @param missing messages a subscriber expected but did not get
 * @param latency latency histogram in nanoseconds, or {@code null} when not measured
 */
public record ClientResult(String role, int index, long msgs, long bytes, long startNanos, long endNanos,
        long timeouts, long errors, long dropped, long reconnects, long missing, Histogram latency) {

    /**
     * Returns the elapsed time.
     *
     * @return nanoseconds from start to end, at least 1
     */
    public long nanos() {
        return Math.max(1, endNanos - startNanos);
    }

    /**
     * Returns the message rate.
     *
     * @return messages per second (0 when nothing was measured)
     */
    public double msgsPerSec() {
        return msgs == 0 ? 0 : msgs * 1e9 / nanos();
    }

    /**
     * Returns the payload throughput.
     *
     * @return megabytes (10^6 bytes) per second
     */
    public double mbPerSec() {
        return bytes == 0 ? 0 : bytes * 1e9 / nanos() / 1e6;
    }

    /**
     * Returns every error counted, of every kind.
     *
     * @return timeouts + errors + dropped + reconnects + missing
     */
    public long problems() {
        return timeouts + errors + dropped + reconnects + missing;
    }
}
