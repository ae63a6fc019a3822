package io.nats4j.services.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.protocol.NatsException;
import io.nats4j.services.EndpointInfo;
import io.nats4j.services.EndpointStats;
import io.nats4j.services.ServiceError;
import io.nats4j.services.ServiceHandler;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Serves one endpoint: takes requests from a synchronous subscription (so the subscription's pending
 * limits bound what waits) and runs the handler on this worker, one request at a time.
 *
 * <p>The loop ends when the subscription stops delivering: drained by stop, unsubscribed, or the
 * connection closed. {@link #done} completes then, after the last handler returned.
 */
final class EndpointWorker implements Runnable {
    /** Upper bound of one wait; the subscription wakes the worker earlier when it ends. */
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Connection nc;
    final EndpointInfo info;
    private final ServiceHandler handler;
    final Subscription subscription;
    final CompletableFuture<Void> done = new CompletableFuture<>();

    // statistics, guarded by this
    private long requests;
    private long errors;
    private long processingNanos;
    private String lastError;

    EndpointWorker(Connection nc, EndpointSpec spec) {
        this.nc = nc;
        this.info = spec.info();
        this.handler = spec.handler();
        this.subscription = info.queueGroup().isPresent()
                ? nc.subscribe(info.subject(), info.queueGroup().get())
                : nc.subscribe(info.subject());
    }

    @Override
    public void run() {
        try {
            while (true) {
                Message m;
                try {
                    m = subscription.nextMessage(WAIT);
                } catch (NatsException ended) {
                    break; // inactive with nothing pending, or interrupted
                }
                if (m != null) {
                    handle(m);
                }
            }
        } finally {
            if (subscription.isActive()) {
                ServiceImpl.unsubscribeQuietly(subscription); // interrupted: stop taking requests
            }
            done.complete(null);
        }
    }

    private void handle(Message m) {
        RequestImpl request = new RequestImpl(nc, m, this, System.nanoTime());
        Throwable failure = null;
        try {
            handler.handle(request);
        } catch (Exception | Error e) { // any failure of user code is answered and counted, never fatal here
            failure = e;
        }
        if (failure == null) {
            request.record(null); // no reply was sent: count it now
            return;
        }
        ServiceError error = new ServiceError(500, describe(failure));
        boolean answer = !request.replied() && m.replyTo().isPresent();
        request.record(error);
        if (answer) {
            try {
                nc.publish(m.replyTo().get(), error.toHeaders(), new byte[0]);
            } catch (NatsException notSent) {
                // the connection is closing or its buffer is full; the stats still count the error
            }
        }
        if (failure instanceof VirtualMachineError vme) {
            throw vme;
        }
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    synchronized void recordError(String error) {
        errors++;
        lastError = error;
    }

    synchronized void record(long nanos, String error) {
        requests++;
        processingNanos += nanos;
        if (error != null) {
            errors++;
            lastError = error;
        }
    }

    synchronized EndpointStats stats() {
        long avg = requests == 0 ? 0 : processingNanos / requests;
        return new EndpointStats(info.name(), info.subject(), requests, errors, Duration.ofNanos(processingNanos),
                Duration.ofNanos(avg), Optional.ofNullable(lastError));
    }

    synchronized void reset() {
        requests = 0;
        errors = 0;
        processingNanos = 0;
        lastError = null;
    }
}
