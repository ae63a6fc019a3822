package io.nats4j.bench.core;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/** The publishing workload: one client publishes its share, then flushes; the clock stops at the PONG. */
public final class Publisher {

    static final int PROGRESS_BATCH = 1024;
    private static final Duration FINAL_FLUSH = Duration.ofSeconds(120);

    private Publisher() {
    }

    /**
     * Publishes {@code count} messages (or until the load's duration has passed) as fast as the
     * client takes them, or paced to {@code rate} messages per second.
     *
     * @param client the connected client
     * @param index the client's number, from 1
     * @param load subject, size, duration, stamping
     * @param count messages to publish
     * @param rate this client's target rate in msgs/s, 0 for unlimited
     * @param progress counts messages as they go out
     * @return what was measured
     */
    public static ClientResult run(BenchClient client, int index, Load load, long count, double rate, Progress progress) {
        byte[] payload = new byte[load.size()];
        long reconnects0 = client.reconnects();
        long deadline = load.duration() == null ? Long.MAX_VALUE : System.nanoTime() + load.duration().toNanos();
        double interval = rate > 0 ? 1e9 / rate : 0;
        boolean stamp = load.stamped() && load.size() >= Long.BYTES;
        long errors = 0;
        long sent = 0;
        long start = System.nanoTime();
        while (sent < count) {
            if (interval > 0) {
                pace(start + (long) (sent * interval));
            }
            byte[] data = payload;
            if (stamp) {
                data = new byte[load.size()]; // a client may hold the array until it writes it
                putLong(data, System.nanoTime());
            }
            try {
                client.publish(load.subject(), data);
            } catch (RuntimeException e) {
                errors++;
            }
            sent++;
            if ((sent & (PROGRESS_BATCH - 1)) == 0) {
                progress.add(PROGRESS_BATCH);
                if (System.nanoTime() >= deadline) {
                    break;
                }
            }
        }
        progress.add(sent & (PROGRESS_BATCH - 1));
        try {
            client.flush(FINAL_FLUSH);
        } catch (RuntimeException e) {
            errors++;
        }
        long end = System.nanoTime();
        return new ClientResult("pub", index, sent - errors, (sent - errors) * load.size(), start, end, 0, errors, 0,
                client.reconnects() - reconnects0, 0, null);
    }

    /** Parks until {@code due} unless it is less than 50 µs away: no spinning on a shared 2-core machine. */
    static void pace(long due) {
        long ahead = due - System.nanoTime();
        if (ahead > 50_000) {
            LockSupport.parkNanos(ahead);
        }
    }

    static void putLong(byte[] b, long v) {
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
    }

    static long getLong(byte[] b) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[i] & 0xff);
        }
        return v;
    }
}
