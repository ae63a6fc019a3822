package io.nats4j.bench.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The subscribing workload: counts what arrives on one subscription until the expected count, the
 * load's duration after the first message, or a silence as long as the load's timeout.
 */
public final class Subscriber {

    private final BenchClient client;
    private final int index;
    private final Load load;
    private final Progress progress;
    private final boolean stamped;
    private final Histogram latency;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private final long reconnects0;
    private final BenchClient.BenchSubscription subscription;
    private volatile long expected;
    private volatile long first;
    private volatile long lastSeen;
    private volatile long end;

    private Subscriber(BenchClient client, int index, Load load, long expected, Progress progress) {
        this.client = client;
        this.index = index;
        this.load = load;
        this.progress = progress;
        this.expected = expected;
        this.stamped = load.stamped() && load.size() >= Long.BYTES;
        this.latency = stamped ? new Histogram(3) : null;
        this.reconnects0 = client.reconnects();
        this.subscription = client.subscribe(load.subject(), load.queue(), this::onMessage);
    }

    /**
     * Subscribes and flushes, so that the subscription is live on the server when this returns.
     *
     * @param client the connected client
     * @param index the client's number, from 1
     * @param load subject, queue group, duration, timeout
     * @param expected messages to wait for ({@link Long#MAX_VALUE} when unknown yet)
     * @param progress counts messages as they arrive
     * @return the running subscriber
     */
    public static Subscriber start(BenchClient client, int index, Load load, long expected, Progress progress) {
        Subscriber s = new Subscriber(client, index, load, expected, progress);
        client.flush(load.timeout());
        return s;
    }

    private void onMessage(byte[] data, String replyTo) {
        bytes.addAndGet(data.length);
        long n = count.incrementAndGet();
        if (n == 1) {
            first = System.nanoTime();
        }
        if (latency != null && data.length >= Long.BYTES) {
            latency.recordValue(Math.max(0, System.nanoTime() - Publisher.getLong(data)));
        }
        if ((n & (Publisher.PROGRESS_BATCH - 1)) == 0) {
            lastSeen = System.nanoTime();
            progress.add(Publisher.PROGRESS_BATCH);
        }
        if (n == expected) {
            finish(System.nanoTime());
        }
    }

    private synchronized void finish(long at) {
        if (done.getCount() > 0) {
            end = at;
            done.countDown();
        }
    }

    /**
     * Sets the count to wait for, once the publishers know what they sent.
     *
     * @param n messages expected
     */
    public void expect(long n) {
        expected = n;
        if (count.get() >= n) {
            finish(Math.max(lastSeen, first));
        }
    }

    /**
     * Waits until the subscriber is done and unsubscribes.
     *
     * @return what was measured; {@code missing} counts what did not arrive of a known expected count
     * @throws InterruptedException if interrupted while waiting
     */
    public ClientResult await() throws InterruptedException {
        long silence = load.timeout().toNanos();
        long seen = -1;
        long lastChange = System.nanoTime();
        while (!done.await(100, TimeUnit.MILLISECONDS)) {
            long now = System.nanoTime();
            long c = count.get();
            if (c != seen) {
                seen = c;
                lastChange = now;
                if (c > 0) {
                    lastSeen = now;
                }
            }
            if (load.duration() != null && c > 0 && now - first >= load.duration().toNanos()) {
                finish(now);
            } else if (now - lastChange >= silence) {
                finish(c > 0 ? lastSeen : now);
            }
        }
        subscription.unsubscribe();
        long got = count.get();
        progress.add(got & (Publisher.PROGRESS_BATCH - 1));
        long exp = expected;
        long missing = exp != Long.MAX_VALUE && got < exp ? exp - got : 0;
        long start = got == 0 ? end : first;
        Histogram h = latency == null ? null : latencyCopy();
        return new ClientResult("sub", index, got, bytes.get(), start, Math.max(end, start), 0, 0,
                subscription.dropped(), client.reconnects() - reconnects0, missing, h);
    }

    private synchronized Histogram latencyCopy() {
        return latency.copy();
    }

    /**
     * Returns messages received so far.
     *
     * @return the count
     */
    public long received() {
        return count.get();
    }
}
