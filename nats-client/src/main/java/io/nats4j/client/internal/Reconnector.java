package io.nats4j.client.internal;

import io.nats4j.protocol.NatsAuthException;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * Which server to try next and when: the pool's order, the reconnect wait plus jitter since the last
 * attempt on that server, {@code maxReconnects} per server, and "the same authentication error twice
 * from one server ends it". Time comes from a {@link Clock} and jitter from an injected random source,
 * so the rules are tested without sleeping.
 *
 * <p>Runs on the thread that calls it: the application's for the first connect, the reconnect thread
 * ({@code nats4j-reconnect-<id>}) otherwise. Closing the connection interrupts that thread.
 */
final class Reconnector {

    /**
     * What the reconnect loop ended with.
     *
     * @param connected the handshaken session, or null when it gave up or was stopped
     * @param gaveUp why it gave up (reported, then the connection closes), or null
     */
    record Outcome(ConnectAttempt.Ok connected, NatsException gaveUp) {
    }

    /**
     * The reconnect settings.
     *
     * @param maxReconnects attempts per server, -1 for no limit
     * @param reconnectWait the least time between two attempts on one server
     * @param jitter extra random wait for plain servers, up to this
     * @param jitterTls extra random wait for TLS servers, up to this
     * @param tlsForAll whether every server is TLS (an SSL context was given)
     */
    record Settings(int maxReconnects, Duration reconnectWait, Duration jitter, Duration jitterTls, boolean tlsForAll) {
    }

    private final ServerPool pool;
    private final Settings settings;
    private final Clock clock;
    private final LongUnaryOperator random;
    private final Function<ServerPool.Entry, ConnectAttempt.Result> attempt;
    private final Consumer<NatsException> report;
    private final BooleanSupplier stopped;

    /**
     * @param random given a positive bound, a value in [0, bound)
     * @param attempt one handshake
     * @param report told about each failed attempt
     * @param stopped true once the connection closed
     */
    Reconnector(ServerPool pool, Settings settings, Clock clock, LongUnaryOperator random,
            Function<ServerPool.Entry, ConnectAttempt.Result> attempt, Consumer<NatsException> report,
            BooleanSupplier stopped) {
        this.pool = pool;
        this.settings = settings;
        this.clock = clock;
        this.random = random;
        this.attempt = attempt;
        this.report = report;
        this.stopped = stopped;
    }

    /**
     * The first connect: each server of the pool once, in order, without waiting.
     *
     * @return the session, or the last failure in {@code gaveUp}
     */
    Outcome firstConnect() {
        NatsException last = null;
        for (ServerPool.Entry e : pool.snapshot()) {
            ConnectAttempt.Result r = tryOnce(e);
            if (r instanceof ConnectAttempt.Ok ok) {
                return new Outcome(ok, null);
            }
            last = ((ConnectAttempt.Failed) r).error();
            if (stopped.getAsBoolean()) {
                break;
            }
        }
        return new Outcome(null, last != null ? last
                : new NatsConnectionException("could not connect: the server pool is empty"));
    }

    /**
     * Tries servers until one accepts, the pool is used up, the same authentication error repeats,
     * or the connection is closed.
     *
     * @return the outcome; both fields null when stopped
     */
    Outcome reconnect() {
        pool.current().ifPresent(c -> {
            c.attempted = true;
            c.lastAttemptNanos = clock.nanoTime();
        });
        while (!stopped.getAsBoolean()) {
            Optional<ServerPool.Entry> next = pool.next(settings.maxReconnects());
            if (next.isEmpty()) {
                return new Outcome(null, new NatsConnectionException("reconnect attempts exhausted; closing"));
            }
            ServerPool.Entry e = next.get();
            if (!waitFor(e)) {
                break;
            }
            ConnectAttempt.Result r = tryOnce(e);
            if (r instanceof ConnectAttempt.Ok ok) {
                return new Outcome(ok, null);
            }
            NatsException error = ((ConnectAttempt.Failed) r).error();
            e.failedAttempts++;
            if (stopped.getAsBoolean()) {
                break;
            }
            report.accept(error);
            if (error instanceof NatsAuthException) {
                if (error.getMessage().equals(e.lastAuthError)) {
                    // the same auth error twice from one server: retrying will not help
                    return new Outcome(null, error);
                }
                e.lastAuthError = error.getMessage();
            }
        }
        return new Outcome(null, null);
    }

    /** Waits until {@code e} may be tried again; false when interrupted (closed). */
    private boolean waitFor(ServerPool.Entry e) {
        long wait = settings.reconnectWait().toNanos() - (clock.nanoTime() - e.lastAttemptNanos);
        if (!e.attempted || wait <= 0) {
            return true;
        }
        Duration jitter = e.uri.isSecureScheme() || settings.tlsForAll() ? settings.jitterTls() : settings.jitter();
        if (!jitter.isZero()) {
            wait += random.applyAsLong(jitter.toNanos());
        }
        try {
            clock.sleep(wait);
            return true;
        } catch (InterruptedException closing) {
            return false;
        }
    }

    private ConnectAttempt.Result tryOnce(ServerPool.Entry e) {
        e.attempted = true;
        e.lastAttemptNanos = clock.nanoTime();
        ConnectAttempt.Result r = attempt.apply(e);
        if (r instanceof ConnectAttempt.Ok) {
            e.failedAttempts = 0;
            e.lastAuthError = null;
        }
        return r;
    }
}
