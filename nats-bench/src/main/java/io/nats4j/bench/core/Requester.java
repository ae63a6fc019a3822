package io.nats4j.bench.core;

import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * The requesting workload: sequential requests (one in flight), or up to {@code inFlight}
 * asynchronous requests outstanding, with every round trip's latency recorded.
 */
public final class Requester {

    private Requester() {
    }

    /**
     * Sends {@code count} requests (or until the load's duration has passed).
     *
     * @param client the connected client
     * @param index the client's number, from 1
     * @param load subject, size, in-flight, timeout
     * @param count requests to send
     * @param rate this client's target rate in requests/s, 0 for unlimited
     * @param progress counts replies as they come
     * @return what was measured, with the latency histogram
     * @throws InterruptedException if interrupted while waiting for outstanding replies
     */
    public static ClientResult run(BenchClient client, int index, Load load, long count, double rate,
            Progress progress) throws InterruptedException {
        return load.inFlight() == 1 ? sequential(client, index, load, count, rate, progress)
                : pipelined(client, index, load, count, rate, progress);
    }

    private static ClientResult sequential(BenchClient client, int index, Load load, long count, double rate,
            Progress progress) {
        byte[] payload = new byte[load.size()];
        Histogram h = new Histogram(3);
        long reconnects0 = client.reconnects();
        long deadline = deadline(load);
        double interval = rate > 0 ? 1e9 / rate : 0;
        long ok = 0;
        long timeouts = 0;
        long errors = 0;
        long start = System.nanoTime();
        for (long i = 0; i < count; i++) {
            if (interval > 0) {
                Publisher.pace(start + (long) (i * interval));
            }
            long t0 = System.nanoTime();
            try {
                if (client.request(load.subject(), payload, load.timeout()) == null) {
                    timeouts++;
                } else {
                    h.recordValue(System.nanoTime() - t0);
                    ok++;
                }
            } catch (RuntimeException e) {
                errors++;
            }
            if ((i & 255) == 255) {
                progress.add(256);
                if (System.nanoTime() >= deadline) {
                    count = i + 1;
                }
            }
        }
        progress.add(count & 255);
        long end = System.nanoTime();
        return new ClientResult("req", index, ok, ok * load.size(), start, end, timeouts, errors, 0,
                client.reconnects() - reconnects0, 0, h);
    }

    private static ClientResult pipelined(BenchClient client, int index, Load load, long count, double rate,
            Progress progress) throws InterruptedException {
        byte[] payload = new byte[load.size()];
        Histogram h = new Histogram(3);
        Semaphore window = new Semaphore(load.inFlight());
        AtomicLong ok = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long reconnects0 = client.reconnects();
        long deadline = deadline(load);
        double interval = rate > 0 ? 1e9 / rate : 0;
        long start = System.nanoTime();
        long sent = 0;
        while (sent < count && System.nanoTime() < deadline) {
            if (interval > 0) {
                Publisher.pace(start + (long) (sent * interval));
            }
            window.acquire();
            long t0 = System.nanoTime();
            sent++;
            client.requestAsync(load.subject(), payload, load.timeout()).whenComplete((reply, failure) -> {
                if (failure == null) {
                    long took = System.nanoTime() - t0;
                    synchronized (h) {
                        h.recordValue(took);
                    }
                    ok.incrementAndGet();
                } else if (isTimeout(failure)) {
                    timeouts.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
                progress.add(1);
                window.release();
            });
        }
        if (!window.tryAcquire(load.inFlight(), load.timeout().toNanos() * 2, TimeUnit.NANOSECONDS)) {
            errors.addAndGet(load.inFlight() - window.availablePermits());
        }
        long end = System.nanoTime();
        Histogram copy;
        synchronized (h) {
            copy = h.copy();
        }
        return new ClientResult("req", index, ok.get(), ok.get() * load.size(), start, end, timeouts.get(),
                errors.get(), 0, client.reconnects() - reconnects0, 0, copy);
    }

    private static long deadline(Load load) {
        return load.duration() == null ? Long.MAX_VALUE : System.nanoTime() + load.duration().toNanos();
    }

    static boolean isTimeout(Throwable t) {
        Throwable c = t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
        return c instanceof java.util.concurrent.TimeoutException
                || c instanceof io.nats4j.protocol.NatsTimeoutException
                || c.getClass().getSimpleName().contains("Timeout");
    }
}
