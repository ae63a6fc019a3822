package io.nats4j.client.internal;

import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * PING/PONG: the keepalive tick on the timer thread ({@code maxPingsOut} unanswered PINGs make the
 * session stale), and the PONG futures behind {@code flush()} and {@code rtt()}. A PONG completes the
 * oldest future of its session, on the reader thread.
 */
final class Liveness {

    private final OutboundBuffer out;
    private final ScheduledExecutorService timer;
    private final Duration interval;
    private final int maxPingsOut;
    private final Supplier<Session> current;
    private final Supplier<String> status;
    private final BiConsumer<Session, Throwable> stale;
    private ScheduledFuture<?> tick; // guarded by this

    Liveness(OutboundBuffer out, ScheduledExecutorService timer, Duration interval, int maxPingsOut,
            Supplier<Session> current, Supplier<String> status, BiConsumer<Session, Throwable> stale) {
        this.out = out;
        this.timer = timer;
        this.interval = interval;
        this.maxPingsOut = maxPingsOut;
        this.current = current;
        this.status = status;
        this.stale = stale;
    }

    /** Starts the keepalive tick once; later sessions share it. */
    synchronized void start() {
        if (tick == null) {
            long every = interval.toNanos();
            tick = timer.scheduleAtFixedRate(this::tick, every, every, TimeUnit.NANOSECONDS);
        }
    }

    synchronized void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
    }

    private void tick() {
        Session s = current.get();
        if (s == null || s.dead) {
            return;
        }
        if (s.pingsOut >= maxPingsOut) {
            stale.accept(s, new NatsConnectionException("stale connection: " + s.pingsOut + " PINGs without PONG"));
            return;
        }
        s.pingsOut++;
        try {
            out.ping(Session.KEEPALIVE, status.get());
        } catch (NatsException notConnected) {
            // the next tick tries again
        }
    }

    /**
     * Queues a PING.
     *
     * @return completes when its PONG arrives; exceptionally when the session is lost first
     * @throws NatsConnectionException when not connected
     */
    CompletableFuture<Void> ping() {
        CompletableFuture<Void> pong = new CompletableFuture<>();
        out.ping(pong, status.get());
        return pong;
    }

    /** Waits for a PONG: everything sent before it has been processed by the server. */
    void flush(Duration timeout) {
        CompletableFuture<Void> pong = ping();
        try {
            pong.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsException("interrupted while flushing", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            throw c instanceof NatsConnectionException nce ? new NatsConnectionException(nce.getMessage(), nce)
                    : new NatsConnectionException("flush failed", c);
        } catch (TimeoutException e) {
            throw new NatsTimeoutException("flush: no PONG within " + timeout.toMillis() + " ms");
        }
    }
}
