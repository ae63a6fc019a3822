package io.nats4j.client.internal;

import io.nats4j.client.Headers;
import io.nats4j.client.Message;
import io.nats4j.protocol.NatsConnectionException;
import io.nats4j.protocol.NatsException;
import io.nats4j.protocol.NatsTimeoutException;
import io.nats4j.protocol.NoRespondersException;
import io.nats4j.protocol.Nuid;
import io.nats4j.protocol.internal.MsgView;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request/reply over one wildcard inbox subscription {@code <prefix>.<nuid>.*} per connection: a
 * token per request, a map from token to future, a timeout per request on the timer, 503 status
 * replies as {@link NoRespondersException}.
 *
 * <p>Threads: {@link #request} on the caller's; {@link #onReply} on the reader thread, which
 * completes the raw future (so a synchronous {@code request()} waits no extra hop); timeouts on the
 * timer thread.
 */
final class RequestMux {

    /** Publishes the request; the connection's own publish path with its checks. */
    interface Publisher {
        void publish(String subject, String replyTo, Headers headers, byte[] data);
    }

    private final String inboxPrefix;
    private final SubscriptionRegistry registry;
    private final ScheduledExecutorService timer;
    private final Object lock = new Object();
    private volatile String prefix;
    private final ConcurrentHashMap<String, CompletableFuture<Message>> requests = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    /** Completed when no request is waiting any more; for drain. Guarded by {@link #lock}. */
    private CompletableFuture<Void> idle;

    RequestMux(String inboxPrefix, SubscriptionRegistry registry, ScheduledExecutorService timer) {
        this.inboxPrefix = inboxPrefix;
        this.registry = registry;
        this.timer = timer;
    }

    private String ensureInbox() {
        String p = prefix;
        if (p != null) {
            return p;
        }
        synchronized (lock) {
            if (prefix == null) {
                String fresh = inboxPrefix + "." + Nuid.nextGlobal() + ".";
                registry.subscribe(fresh + "*", null, null, this);
                prefix = fresh;
            }
            return prefix;
        }
    }

    /**
     * Sends a request.
     *
     * @return completes on the reader thread with the reply, or exceptionally on timeout, no
     *     responders or close
     */
    CompletableFuture<Message> request(String subject, Headers headers, byte[] data, Duration timeout, Publisher pub) {
        String p = ensureInbox();
        String token = Long.toString(ids.incrementAndGet(), 36);
        CompletableFuture<Message> f = new Call(subject);
        requests.put(token, f);
        try {
            pub.publish(subject, p + token, headers, data);
        } catch (RuntimeException e) {
            requests.remove(token);
            idleCheck();
            throw e;
        }
        ScheduledFuture<?> expiry;
        try {
            expiry = timer.schedule(() -> {
                if (requests.remove(token, f)) {
                    f.completeExceptionally(new NatsTimeoutException("no reply to the request on '" + subject
                            + "' within " + timeout.toMillis() + " ms"));
                }
            }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            requests.remove(token);
            idleCheck();
            throw new NatsConnectionException("connection is closed");
        }
        f.whenComplete((m, e) -> {
            expiry.cancel(false);
            requests.remove(token, f);
            idleCheck();
        });
        return f;
    }

    /** A message on the inbox; on the reader thread. */
    void onReply(NatsSubscription sub, MsgView m) {
        int plen = prefix.length();
        if (m.subjectLength() <= plen) {
            return;
        }
        String token = new String(m.array(), m.subjectOffset() + plen, m.subjectLength() - plen, StandardCharsets.UTF_8);
        CompletableFuture<Message> f = requests.remove(token);
        if (f == null) {
            return;
        }
        NatsMessage reply = new NatsMessage(m.subject(), null, SubscriptionRegistry.headerCopy(m), m.copyPayload(), sub);
        try {
            if (reply.status() == 503) {
                String to = f instanceof Call c ? c.subject : reply.subject();
                f.completeExceptionally(new NoRespondersException("no responders for the request on '" + to + "'"));
                return;
            }
        } catch (NatsException malformedHeaders) {
            f.completeExceptionally(malformedHeaders);
            return;
        }
        f.complete(reply);
    }

    /**
     * Completes once no request waits for a reply; for drain.
     *
     * @return the future
     */
    CompletableFuture<Void> whenIdle() {
        synchronized (lock) {
            if (idle == null) {
                idle = new CompletableFuture<>();
            }
        }
        idleCheck();
        return idle;
    }

    private void idleCheck() {
        CompletableFuture<Void> f;
        synchronized (lock) {
            f = idle;
        }
        if (f != null && requests.isEmpty()) {
            f.complete(null);
        }
    }

    /** Whether {@code reply} is the inbox of a request nobody waits for any more (timed out or cancelled). */
    boolean isAbandoned(String reply) {
        String p = prefix;
        return p != null && reply.startsWith(p) && !requests.containsKey(reply.substring(p.length()));
    }

    /** Requests waiting for a reply. */
    int pending() {
        return requests.size();
    }

    /** A request's future, knowing the subject it went to (for the no-responders message). */
    private static final class Call extends CompletableFuture<Message> {
        final String subject;

        Call(String subject) {
            this.subject = subject;
        }
    }

    /** On close: every waiting request fails. */
    void failAll(NatsException e) {
        for (CompletableFuture<Message> f : new ArrayList<>(requests.values())) {
            f.completeExceptionally(e);
        }
        requests.clear();
    }
}
