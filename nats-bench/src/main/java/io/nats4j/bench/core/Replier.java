package io.nats4j.bench.core;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The replying workload: a service on the load's subject (in its queue group, if any) that answers
 * every request with a payload of the load's size, until a shared total has been served, the
 * duration has passed, or it is stopped.
 */
public final class Replier {

    private final BenchClient client;
    private final int index;
    private final Load load;
    private final Progress progress;
    private final AtomicLong total;
    private final long limit;
    private final CountDownLatch done;
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final long reconnects0;
    private final BenchClient.BenchSubscription subscription;
    private volatile long first;
    private volatile long last;

    private Replier(BenchClient client, int index, Load load, AtomicLong total, long limit, CountDownLatch done,
            Progress progress) {
        this.client = client;
        this.index = index;
        this.load = load;
        this.total = total;
        this.limit = limit;
        this.done = done;
        this.progress = progress;
        this.reconnects0 = client.reconnects();
        byte[] reply = new byte[load.size()];
        this.subscription = client.subscribe(load.subject(), load.queue(), (data, replyTo) -> {
            if (replyTo == null) {
                return;
            }
            try {
                client.publish(replyTo, reply);
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
            long n = count.incrementAndGet();
            long now = System.nanoTime();
            if (n == 1) {
                first = now;
            }
            last = now;
            progress.add(1);
            if (total.incrementAndGet() >= limit) {
                done.countDown();
            }
        });
    }

    /**
     * Subscribes and flushes; from then on requests are answered.
     *
     * @param client the connected client
     * @param index the client's number, from 1
     * @param load subject, queue group, reply size
     * @param total requests served by all repliers of the run, shared
     * @param limit stop when {@code total} reaches this
     * @param done counted down once when the limit is reached
     * @param progress counts replies
     * @return the running replier
     */
    public static Replier start(BenchClient client, int index, Load load, AtomicLong total, long limit,
            CountDownLatch done, Progress progress) {
        Replier r = new Replier(client, index, load, total, limit, done, progress);
        client.flush(load.timeout());
        return r;
    }

    /**
     * Stops answering: flushes the replies sent and unsubscribes.
     *
     * @return what was measured
     */
    public ClientResult stop() {
        long errs = errors.get();
        try {
            client.flush(load.timeout());
        } catch (RuntimeException e) {
            errs++;
        }
        subscription.unsubscribe();
        long n = count.get();
        return new ClientResult("rep", index, n, n * load.size(), first, n == 0 ? first : last, 0, errs,
                subscription.dropped(), client.reconnects() - reconnects0, 0, null);
    }

    /**
     * Waits on the shared latch (limit reached) for at most the given time.
     *
     * @param done the latch given to {@link #start}
     * @param nanos how long at most
     * @return true if the limit was reached
     * @throws InterruptedException if interrupted
     */
    public static boolean await(CountDownLatch done, long nanos) throws InterruptedException {
        return done.await(nanos, TimeUnit.NANOSECONDS);
    }
}
