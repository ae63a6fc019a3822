package io.nats4j.bench.core;

import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * The aggregate of one role's clients: totals, the rate over the whole span (first client's start
 * to last client's end), the spread of per-client rates, summed error counts and the merged latency.
 *
 * @param role the role
 * @param clients how many clients
 * @param msgs messages in total
 * @param bytes payload bytes in total
 * @param nanos span from the earliest start to the latest end
 * @param min slowest client's msgs/s
 * @param avg mean of the clients' msgs/s
 * @param max fastest client's msgs/s
 * @param stddev population standard deviation of the clients' msgs/s
 * @param timeouts summed
 * @param errors summed
 * @param dropped summed
 * @param reconnects summed
 * @param missing summed
 * @param latency merged latency histogram (ns), or {@code null}
 */
public record Summary(String role, int clients, long msgs, long bytes, long nanos, double min, double avg,
        double max, double stddev, long timeouts, long errors, long dropped, long reconnects, long missing,
        Histogram latency) {

    /**
     * Aggregates results of one role.
     *
     * @param role the role
     * @param results that role's results, at least one
     * @return the summary
     */
    public static Summary of(String role, List<ClientResult> results) {
        long msgs = 0;
        long bytes = 0;
        long start = Long.MAX_VALUE;
        long end = Long.MIN_VALUE;
        double min = Double.MAX_VALUE;
        double max = 0;
        double sum = 0;
        long timeouts = 0;
        long errors = 0;
        long dropped = 0;
        long reconnects = 0;
        long missing = 0;
        Histogram merged = null;
        for (ClientResult r : results) {
            msgs += r.msgs();
            bytes += r.bytes();
            start = Math.min(start, r.startNanos());
            end = Math.max(end, r.endNanos());
            double rate = r.msgsPerSec();
            min = Math.min(min, rate);
            max = Math.max(max, rate);
            sum += rate;
            timeouts += r.timeouts();
            errors += r.errors();
            dropped += r.dropped();
            reconnects += r.reconnects();
            missing += r.missing();
            if (r.latency() != null) {
                if (merged == null) {
                    merged = new Histogram(3);
                }
                merged.add(r.latency());
            }
        }
        double avg = sum / results.size();
        double var = 0;
        for (ClientResult r : results) {
            var += (r.msgsPerSec() - avg) * (r.msgsPerSec() - avg);
        }
        return new Summary(role, results.size(), msgs, bytes, Math.max(1, end - start), min, avg, max,
                Math.sqrt(var / results.size()), timeouts, errors, dropped, reconnects, missing, merged);
    }

    /**
     * Returns the aggregate rate.
     *
     * @return messages per second over the whole span
     */
    public double msgsPerSec() {
        return msgs * 1e9 / nanos;
    }

    /**
     * Returns the aggregate payload throughput.
     *
     * @return MB (10^6 bytes) per second over the whole span
     */
    public double mbPerSec() {
        return bytes * 1e9 / nanos / 1e6;
    }

    /**
     * Returns a latency percentile.
     *
     * @param percentile 0..100
     * @return microseconds, or -1 without a histogram
     */
    public double latencyMicros(double percentile) {
        return latency == null || latency.getTotalCount() == 0 ? -1
                : latency.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * Returns the largest latency.
     *
     * @return microseconds, or -1 without a histogram
     */
    public double latencyMaxMicros() {
        return latency == null || latency.getTotalCount() == 0 ? -1 : latency.getMaxValue() / 1000.0;
    }
}
