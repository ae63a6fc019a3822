package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.ConnectionEvent;
import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamOptions;
import io.nats4j.jetstream.PubAck;
import io.nats4j.jetstream.PublishOptions;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NoRespondersException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishing with acknowledgements. Sync publishes are core requests; async publishes share one
 * reply subscription ({@code <inbox>.*}), a token per message, a semaphore bounding how many are
 * outstanding, and a timer sweep failing those whose ack is late.
 */
final class Publisher {

    /** Retries of a 503 (no stream answering, as during a leader election). */
    static final int RETRIES_ON_503 = 2;
    static final Duration RETRY_WAIT = Duration.ofMillis(250);
    private static final long SWEEP_MILLIS = 50;

    private final Connection nc;
    private final JetStreamOptions options;
    private final JsRuntime runtime;
    private final Executor executor;
    private final Semaphore room;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong tokens = new AtomicLong();
    private final Object lock = new Object();
    private String replyPrefix; // guarded by lock
    private Subscription replies; // guarded by lock
    private ScheduledFuture<?> sweeper; // guarded by lock

    /** One async publish waiting for its ack. */
    private static final class Pending {
        final String subject;
        final Headers headers;
        final byte[] data;
        final long deadline;
        final CompletableFuture<PubAck> future = new CompletableFuture<>();
        int retriesLeft = RETRIES_ON_503;

        Pending(String subject, Headers headers, byte[] data, long deadline) {
            this.subject = subject;
            this.headers = headers;
            this.data = data;
            this.deadline = deadline;
        }
    }

    Publisher(Connection nc, JetStreamOptions options, JsRuntime runtime, Executor executor) {
        this.nc = nc;
        this.options = options;
        this.runtime = runtime;
        this.executor = executor;
        this.room = new Semaphore(options.maxPendingAsyncPublishes());
        runtime.listen((c, e) -> {
            if (e == ConnectionEvent.CLOSED) {
                failAll(new NatsConnectionException("connection closed before the publish was acknowledged"));
            }
        });
    }

    static Headers headers(Headers user, PublishOptions o) {
        if (o.messageId().isEmpty() && o.expectedStream().isEmpty() && o.expectedLastSequence().isEmpty()
                && o.expectedLastSubjectSequence().isEmpty() && o.expectedLastMessageId().isEmpty()) {
            return user;
        }
        Headers h = new Headers();
        if (user != null) {
            for (String n : user.names()) {
                for (String v : user.values(n)) {
                    h.add(n, v);
                }
            }
        }
        o.messageId().ifPresent(v -> h.put("Nats-Msg-Id", v));
        o.expectedStream().ifPresent(v -> h.put("Nats-Expected-Stream", v));
        o.expectedLastSequence().ifPresent(v -> h.put("Nats-Expected-Last-Sequence", Long.toString(v)));
        o.expectedLastSubjectSequence().ifPresent(v -> h.put("Nats-Expected-Last-Subject-Sequence", Long.toString(v)));
        o.expectedLastMessageId().ifPresent(v -> h.put("Nats-Expected-Last-Msg-Id", v));
        return h;
    }

    static PubAck parseAck(Message m) {
        JsonObject o = Json.parseObject(m.data(), "publish acknowledgement");
        Optional<JsonObject> error = o.object("error");
        if (error.isPresent()) {
            throw Api.apiError(error.get());
        }
        String stream = o.string("stream", "");
        if (stream.isEmpty()) {
            throw new JetStreamException("publish acknowledgement names no stream");
        }
        return new PubAck(stream, o.number("seq", 0), o.bool("duplicate", false), o.optString("domain"));
    }

    PubAck publish(String subject, Headers headers, byte[] data, PublishOptions o) {
        Objects.requireNonNull(o, "options");
        Headers h = headers(headers, o);
        Duration timeout = o.timeout().orElse(options.requestTimeout());
        long deadline = System.nanoTime() + timeout.toNanos();
        for (int attempt = 0; ; attempt++) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new NatsTimeoutException("publish to '" + subject + "': no acknowledgement within " + timeout);
            }
            try {
                return parseAck(nc.request(subject, h, data, Duration.ofNanos(left)));
            } catch (NoRespondersException e) {
                if (attempt >= RETRIES_ON_503 || deadline - System.nanoTime() <= RETRY_WAIT.toNanos()) {
                    throw e;
                }
                pause(RETRY_WAIT);
            }
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis()); // bounded back-off between retries of a 503
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsException("interrupted while retrying a publish", e);
        }
    }

    CompletableFuture<PubAck> publishAsync(String subject, Headers headers, byte[] data, PublishOptions o) {
        Objects.requireNonNull(o, "options");
        Headers h = headers(headers, o);
        Duration timeout = o.timeout().orElse(options.requestTimeout());
        try {
            if (!room.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new NatsTimeoutException("publishAsync to '" + subject + "': "
                        + options.maxPendingAsyncPublishes() + " acknowledgements outstanding for " + timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NatsException("interrupted while waiting for room to publish", e);
        }
        String token;
        try {
            token = ensureReplies() + Long.toString(tokens.incrementAndGet(), 36);
        } catch (RuntimeException e) {
            room.release();
            throw e;
        }
        Pending p = new Pending(subject, h, data, System.nanoTime() + timeout.toNanos());
        pending.put(token, p);
        try {
            nc.publish(subject, token, h, data);
        } catch (RuntimeException e) {
            if (pending.remove(token) != null) {
                room.release();
            }
            throw e;
        }
        return p.future;
    }

    private String ensureReplies() {
        synchronized (lock) {
            if (replies == null) {
                replyPrefix = nc.newInbox() + ".";
                replies = nc.subscribe(replyPrefix + "*", this::onReply);
                sweeper = runtime.timer().scheduleAtFixedRate(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS,
                        TimeUnit.MILLISECONDS);
            }
            return replyPrefix;
        }
    }

    /** Runs on the client's dispatch thread: quick, completions go to the executor. */
    private void onReply(Message m) {
        String token = m.subject();
        Pending p = pending.get(token);
        if (p == null) {
            return; // timed out already
        }
        if (m.isStatus() && m.status() == 503) {
            if (p.retriesLeft > 0 && p.deadline - System.nanoTime() > RETRY_WAIT.toNanos()) {
                p.retriesLeft--;
                try {
                    runtime.timer().schedule(() -> republish(token, p), RETRY_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                } catch (RejectedExecutionException closed) {
                    // the connection is closing: fall through and fail it
                }
            }
            finish(token, null, new NoRespondersException("publish to '" + p.subject + "': no stream answered"));
            return;
        }
        try {
            finish(token, parseAck(m), null);
        } catch (RuntimeException e) {
            finish(token, null, e);
        }
    }

    private void republish(String token, Pending p) {
        if (pending.get(token) != p) {
            return;
        }
        try {
            nc.publish(p.subject, token, p.headers, p.data);
        } catch (RuntimeException e) {
            finish(token, null, e);
        }
    }

    private void finish(String token, PubAck ack, Throwable error) {
        Pending p = pending.remove(token);
        if (p == null) {
            return;
        }
        room.release();
        complete(p.future, ack, error);
    }

    private void complete(CompletableFuture<PubAck> f, PubAck ack, Throwable error) {
        Runnable r = () -> {
            if (error == null) {
                f.complete(ack);
            } else {
                f.completeExceptionally(error);
            }
        };
        try {
            executor.execute(r);
        } catch (RejectedExecutionException e) {
            r.run(); // the executor is shut down with the connection; nobody else will complete it
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        for (Map.Entry<String, Pending> e : pending.entrySet()) {
            if (now - e.getValue().deadline >= 0) {
                finish(e.getKey(), null, new NatsTimeoutException("publishAsync to '" + e.getValue().subject
                        + "': no acknowledgement in time"));
            }
        }
    }

    private void failAll(Throwable error) {
        for (String token : new ArrayList<>(pending.keySet())) {
            finish(token, null, error);
        }
        synchronized (lock) {
            if (sweeper != null) {
                sweeper.cancel(false);
            }
        }
    }

    int pending() {
        return pending.size();
    }

    CompletableFuture<Void> complete(Duration timeout) {
        List<CompletableFuture<?>> all = new ArrayList<>();
        for (Pending p : pending.values()) {
            all.add(p.future.handle((a, e) -> null));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).whenComplete((v, e) -> complete0(done));
        if (!done.isDone()) {
            try {
                ScheduledFuture<?> t = runtime.timer().schedule(() -> executor.execute(() -> done.completeExceptionally(
                        new NatsTimeoutException("async publishes still outstanding after " + timeout))),
                        timeout.toNanos(), TimeUnit.NANOSECONDS);
                done.whenComplete((v, e) -> t.cancel(false));
            } catch (RejectedExecutionException e) {
                done.completeExceptionally(new NatsConnectionException("connection closed"));
            }
        }
        return done;
    }

    private void complete0(CompletableFuture<Void> done) {
        try {
            executor.execute(() -> done.complete(null));
        } catch (RejectedExecutionException e) {
            done.complete(null);
        }
    }
}
