package io.nats4j.bench.soak;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What the soak sent, what arrived, and when the system was not quiet; thread-safe.
 *
 * <p>A batch is <em>quiet</em> when no failure window overlaps the time from its first publish to
 * its flush plus a settle time: no node was down or rejoining, and neither client was disconnected.
 * A message of a quiet batch that never arrives is a lost message the API reported as sent while the
 * connection stayed up, which must never happen.
 */
final class SoakLedger {

    /** A published and (maybe) flushed batch: sequence numbers {@code [first, first + count)}. */
    private record Batch(long first, int count, long startNanos, long endNanos, boolean flushed) {
    }

    private final long settleNanos;
    private final List<Batch> batches = new ArrayList<>();
    private final List<long[]> windows = new ArrayList<>();
    private final BitSet sent = new BitSet();
    private final BitSet received = new BitSet();
    private long receivedCount;
    private long maxSeen = -1;
    private long outOfOrder;
    private long duplicates;
    private long publishFailures;

    SoakLedger(long settleNanos) {
        this.settleNanos = settleNanos;
    }

    /** Records a message publish() accepted, that is reported as sent. */
    synchronized void sent(long seq) {
        sent.set((int) seq);
    }

    /** Records a batch of the messages {@code [first, first + count)}, sent or not. */
    synchronized void batch(long first, int count, long startNanos, long endNanos, boolean flushed) {
        batches.add(new Batch(first, count, startNanos, endNanos, flushed));
    }

    /** A publish() that threw: that sequence number was never reported as sent. */
    synchronized void publishFailed() {
        publishFailures++;
    }

    /** Opens a failure window now; returns its index for {@link #close(int)}. */
    synchronized int open() {
        windows.add(new long[] {System.nanoTime(), Long.MAX_VALUE});
        return windows.size() - 1;
    }

    /** Closes a failure window now, extended by the settle time. */
    synchronized void close(int window) {
        windows.get(window)[1] = System.nanoTime() + settleNanos;
    }

    /** Records one delivered message, from the subscriber's handler. */
    synchronized void received(long seq) {
        if (seq < 0 || seq > Integer.MAX_VALUE) {
            return;
        }
        int i = (int) seq;
        if (received.get(i)) {
            duplicates++;
            return;
        }
        received.set(i);
        receivedCount++;
        if (seq < maxSeen) {
            outOfOrder++;
        }
        maxSeen = Math.max(maxSeen, seq);
    }

    synchronized long receivedCount() {
        return receivedCount;
    }

    synchronized long sent() {
        return sent.cardinality();
    }

    private boolean quiet(Batch b) {
        if (!b.flushed()) {
            return false;
        }
        long from = b.startNanos();
        long to = b.endNanos() + settleNanos;
        for (long[] w : windows) {
            if (w[0] <= to && from <= w[1]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The figures, once publishing has stopped and delivery has settled.
     *
     * @return sent, received, losses split by quiet and failure batches, order and duplicates
     */
    synchronized Counts counts() {
        long quietSent = 0;
        long lostQuiet = 0;
        long lostFailure = 0;
        int quietBatches = 0;
        for (Batch b : batches) {
            long lost = 0;
            long inBatch = 0;
            for (long s = b.first(); s < b.first() + b.count(); s++) {
                if (sent.get((int) s)) {
                    inBatch++;
                    lost += received.get((int) s) ? 0 : 1;
                }
            }
            if (quiet(b)) {
                quietBatches++;
                quietSent += inBatch;
                lostQuiet += lost;
            } else {
                lostFailure += lost;
            }
        }
        return new Counts(sent(), publishFailures, receivedCount, batches.size(), quietBatches, quietSent,
                lostQuiet, lostFailure, outOfOrder, duplicates, windows.size());
    }

    /**
     * The soak's message figures.
     *
     * @param sent messages publish() accepted
     * @param publishFailures publish() calls that threw (never counted as sent)
     * @param received distinct messages delivered
     * @param batches batches published
     * @param quietBatches batches no failure window touched
     * @param quietSent messages in quiet batches
     * @param lostQuiet messages of quiet batches never delivered (the promise: 0)
     * @param lostFailure messages of batches near a failure never delivered
     * @param outOfOrder messages delivered after a later one (the promise: 0)
     * @param duplicates messages delivered twice
     * @param failureWindows node outages and client disconnects recorded
     */
    record Counts(long sent, long publishFailures, long received, int batches, int quietBatches, long quietSent,
            long lostQuiet, long lostFailure, long outOfOrder, long duplicates, int failureWindows) {
    }
}
