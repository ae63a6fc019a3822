package io.nats4j.jetstream.internal;

import io.nats4j.client.Connection;
import io.nats4j.client.Message;
import io.nats4j.client.Subscription;
import io.nats4j.jetstream.JetStreamException;
import io.nats4j.jetstream.JetStreamStatusException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One pull request read to its end on the caller's thread ({@code next}, {@code fetch}): a private
 * inbox, one request, messages until the batch is full, the server ends the request, two heartbeats
 * are missed, or the client-side deadline (expiry plus a margin) passes.
 */
final class Fetcher {

    /** Heartbeats are asked for on requests at least this long. */
    static final Duration HEARTBEAT_FROM = Duration.ofSeconds(10);
    static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** How long after the server's expiry the client gives up waiting for its 408. */
    static final Duration MARGIN = Duration.ofSeconds(1);

    /** The result of one pull: the messages and how it ended. */
    record Result(List<JsMessage> messages, PullStatus ended, String description) {
    }

    private Fetcher() {
    }

    static Result pull(Connection nc, String nextSubject, int batch, long maxBytes, Duration maxWait, boolean noWait) {
        Duration hb = !noWait && maxWait.compareTo(HEARTBEAT_FROM) >= 0 ? HEARTBEAT : Duration.ZERO;
        PullRequest req = new PullRequest(batch, maxBytes, noWait ? Duration.ZERO : maxWait, noWait, hb);
        String inbox = nc.newInbox();
        Subscription sub = nc.subscribe(inbox);
        List<JsMessage> out = new ArrayList<>();
        try {
            nc.publish(nextSubject, inbox, req.encode());
            long deadline = System.nanoTime() + maxWait.plus(MARGIN).toNanos();
            long lastActivity = System.nanoTime();
            long bytes = 0;
            while (true) {
                long now = System.nanoTime();
                long left = deadline - now;
                if (!hb.isZero()) {
                    left = Math.min(left, lastActivity + 2 * hb.toNanos() - now);
                }
                if (left <= 0) {
                    return new Result(out, null, "client wait ended");
                }
                Message m = sub.nextMessage(Duration.ofNanos(left));
                if (m == null) {
                    continue;
                }
                lastActivity = System.nanoTime();
                if (!m.isStatus()) {
                    out.add(new JsMessage(m, nc));
                    bytes += JsMessage.serverSize(m);
                    if (out.size() >= batch || (maxBytes > 0 && bytes >= maxBytes)) {
                        return new Result(out, null, "complete");
                    }
                    continue;
                }
                PullStatus s = PullStatus.of(m);
                if (s == PullStatus.HEARTBEAT || s == PullStatus.FLOW_CONTROL) {
                    continue;
                }
                return ended(out, s, m);
            }
        } finally {
            sub.unsubscribe();
        }
    }

    private static Result ended(List<JsMessage> out, PullStatus s, Message m) {
        switch (s) {
            case REQUEST_ENDED:
            case REFUSED:
            case RESET:
                return new Result(out, s, m.statusDescription());
            case NO_RESPONDERS:
                if (out.isEmpty()) {
                    throw new JetStreamException("no consumer answered the pull request (503): "
                            + "the consumer does not exist or its server is not reachable");
                }
                return new Result(out, s, "no responders");
            default:
                if (out.isEmpty()) {
                    throw new JetStreamStatusException(m.status(), m.statusDescription());
                }
                return new Result(out, s, m.statusDescription());
        }
    }
}
