package io.nats4j.bench.core;

import java.time.Duration;
import java.util.Objects;

/**
 * What a workload does: subject, message count or duration, payload size, target rate, queue group,
 * requests in flight.
 *
 * @param subject the subject published to / subscribed on
 * @param msgs messages in total across all clients of a role ({@link Long#MAX_VALUE} with a duration alone)
 * @param size payload bytes
 * @param duration run for this long instead of a count, or {@code null}
 * @param rate target publish (or request) rate in messages per second across all clients; 0 = as fast as possible
 * @param queue queue group for subscribers and repliers, or {@code null}
 * @param inFlight requests outstanding at once per requester (1 = sequential)
 * @param timeout request timeout, and how long a subscriber waits in silence before it gives up
 */
public record Load(String subject, long msgs, int size, Duration duration, double rate, String queue, int inFlight,
        Duration timeout) {

    /**
     * Validates the settings.
     *
     * @param subject see the record component
     * @param msgs see the record component
     * @param size see the record component
     * @param duration see the record component
     * @param rate see the record component
     * @param queue see the record component
     * @param inFlight see the record component
     * @param timeout see the record component
     * @throws BenchException naming the bad setting
     */
    public Load {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(timeout, "timeout");
        if (subject.isBlank() || subject.contains(" ")) {
            throw new BenchException("--subject must be a subject without spaces, got '" + subject + "'");
        }
        if (msgs < 1) {
            throw new BenchException("--msgs must be at least 1, got " + msgs);
        }
        if (size < 0) {
            throw new BenchException("--size must be 0 or more, got " + size);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new BenchException("--duration must be positive, got " + duration);
        }
        if (rate < 0 || Double.isNaN(rate)) {
            throw new BenchException("--rate must be 0 (unlimited) or more, got " + rate);
        }
        if (inFlight < 1) {
            throw new BenchException("--in-flight must be at least 1, got " + inFlight);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new BenchException("--timeout must be positive, got " + timeout);
        }
    }

    /**
     * A count-bounded load with no rate limit, queue or pipelining, and a 10 s timeout.
     *
     * @param subject the subject
     * @param msgs messages in total
     * @param size payload bytes
     * @return the load
     */
    public static Load of(String subject, long msgs, int size) {
        return new Load(subject, msgs, size, null, 0, null, 1, Duration.ofSeconds(10));
    }

    /**
     * Whether publishers stamp their send time into each payload so subscribers can measure latency:
     * on steady-rate runs, where latency means something (a saturating run measures queueing).
     *
     * @return true with a target rate
     */
    public boolean stamped() {
        return rate > 0;
    }

    /**
     * Returns a copy with another subject.
     *
     * @param other the subject
     * @return the copy
     */
    public Load withSubject(String other) {
        return new Load(other, msgs, size, duration, rate, queue, inFlight, timeout);
    }

    /**
     * Returns a copy with another queue group.
     *
     * @param other the queue group, or {@code null}
     * @return the copy
     */
    public Load withQueue(String other) {
        return new Load(subject, msgs, size, duration, rate, other, inFlight, timeout);
    }

    /**
     * Returns a copy with another message count.
     *
     * @param other messages in total ({@link Long#MAX_VALUE} for no limit)
     * @return the copy
     */
    public Load withMsgs(long other) {
        return new Load(subject, other, size, duration, rate, queue, inFlight, timeout);
    }

    /**
     * Returns a copy with another number of requests in flight.
     *
     * @param other requests outstanding at once
     * @return the copy
     */
    public Load withInFlight(int other) {
        return new Load(subject, msgs, size, duration, rate, queue, other, timeout);
    }

    /**
     * Splits the message count evenly over clients; the first clients take the remainder.
     *
     * @param clients number of clients
     * @param index this client's index, from 0
     * @return this client's share
     */
    public long share(int clients, int index) {
        if (msgs == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        long base = msgs / clients;
        return base + (index < msgs % clients ? 1 : 0);
    }
}
